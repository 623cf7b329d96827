import { createHash } from 'node:crypto';
import type { KeyedHasher } from '../store/keyed-hash.ts';
import type { ChainVerdict, DisposalInput, DisposalRecord } from './types.ts';

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * The disposal log is chained with plain SHA-256, so anyone holding the CSV export can check it without a secret:
 * each entry's hash covers the previous hash, its own seq and every field. A plain chain can be rebuilt by whoever
 * can write the database, so each hash is also sealed with the store's key (HMAC, kept outside the database): an
 * edit then fails either the chain or the seal. The head (the highest seq ever issued) and an audit-log entry per
 * disposal catch removal of the last entries, which a chain alone cannot.
 */
export function chainHash(prevHash: string, seq: number, r: DisposalInput): string {
  const fields = [
    seq, r.documentId, r.sourceKind, r.sourceRoot, r.folder, r.nameHash, r.documentType, r.label, r.categories,
    r.policyId, r.ground, r.disposeAfter, r.approvers, r.deletedAt, r.permanent, r.answer,
  ];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

export function sealOf(hasher: KeyedHasher, hash: string): string {
  return hasher.digest('disposal-seal', hash);
}

/** What the audit log says was recorded: seq and hash per disposal. */
export interface RecordedDisposal {
  seq: number;
  hash: string;
}

/** Walks the log in seq order and names the first entry that does not fit. */
export function verifyChain(
  records: Iterable<DisposalRecord>,
  head: number,
  recorded: readonly RecordedDisposal[],
  hasher: KeyedHasher,
): ChainVerdict {
  let prev = GENESIS;
  let expected = 1;
  let entries = 0;
  const bySeq = new Map<number, string>();
  const broken = (seq: number, reason: string): ChainVerdict => ({ ok: false, entries, broken: { seq, reason } });
  for (const r of records) {
    if (r.seq !== expected) return broken(expected, `entry ${expected} is missing (removed from the log)`);
    if (r.prevHash !== prev) return broken(r.seq, 'does not follow the entry before it (the chain was broken)');
    if (chainHash(prev, r.seq, r) !== r.hash) return broken(r.seq, 'its content does not match its hash (the entry was edited)');
    if (sealOf(hasher, r.hash) !== r.seal) return broken(r.seq, 'its seal does not match (the chain was rewritten without the key)');
    bySeq.set(r.seq, r.hash);
    prev = r.hash;
    expected++;
    entries++;
  }
  if (head >= expected) return broken(expected, `entry ${expected} is missing (the log once held ${head} entries)`);
  for (const a of recorded) {
    const hash = bySeq.get(a.seq);
    if (hash === undefined) return broken(a.seq, `entry ${a.seq} is missing (the audit log recorded it)`);
    if (hash !== a.hash) return broken(a.seq, 'differs from what the audit log recorded');
  }
  return { ok: true, entries };
}
