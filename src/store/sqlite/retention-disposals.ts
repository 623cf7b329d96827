import { chainHash, GENESIS, sealOf } from '../../retention/chain.ts';
import type { RetentionStore } from '../../retention/store.ts';
import type { DisposalRecord } from '../../retention/types.ts';
import { intentOf, recordOf, type DisposalRow, type IntentRow } from '../rows/index.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import type { Db } from './open.ts';

type DisposalMethods = Pick<RetentionStore, 'beginDisposal' | 'disposalIntents' | 'cancelDisposal' | 'recordDisposal' | 'recordSkip' | 'disposals' | 'disposalHead'>;

/** Purge intents and the disposal log: appended in one transaction with everything a disposal changes. */
export function disposalMethods(db: Db, hasher: KeyedHasher): DisposalMethods {
  const head = () => (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'disposals'").pluck().get() as number | undefined) ?? 0;
  const dropIntent = db.prepare('DELETE FROM disposal_intents WHERE document_id = ?');

  const record = db.transaction((r: Parameters<DisposalMethods['recordDisposal']>[0], actor: string): DisposalRecord => {
    const last = db.prepare('SELECT seq, hash FROM disposals ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    // After the last rows were removed (tampering) the seq still moves on, so the gap stays visible to `verify`.
    const seq = Math.max(head(), last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS;
    const hash = chainHash(prevHash, seq, r);
    const full: DisposalRecord = { ...r, seq, prevHash, hash, seal: sealOf(hasher, hash) };
    db.prepare(`INSERT INTO disposals VALUES (@seq, @documentId, @sourceKind, @sourceRoot, @folder, @nameHash, @documentType,
      @label, @categories, @policyId, @ground, @disposeAfter, @approvers, @deletedAt, @permanent, @answer, @prevHash, @hash, @seal)`)
      .run({ ...full, categories: JSON.stringify(r.categories), approvers: JSON.stringify(r.approvers), permanent: r.permanent ? 1 : 0 });
    db.prepare('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor, 'retention.disposed', `document:${r.documentId}`, JSON.stringify({ seq, hash, policy: r.policyId }));
    // The document row stays (its id is what the audit log names) but keeps nothing of the document: no name, no
    // findings; a version no listing shows, so an item restored from a recycle bin is read and classified afresh.
    db.prepare(`UPDATE documents SET deleted_at = ?, name = ?, location = ?, version = 'disposed', content_hash = NULL,
      source_hash = NULL WHERE id = ?`).run(r.deletedAt, `#${r.nameHash}`, r.folder ? `${r.folder}/#${r.nameHash}` : `#${r.nameHash}`, r.documentId);
    db.prepare('DELETE FROM classifications WHERE document_id = ?').run(r.documentId);
    db.prepare('DELETE FROM document_categories WHERE document_id = ?').run(r.documentId);
    db.prepare("UPDATE retention_schedule SET state = 'disposed' WHERE document_id = ?").run(r.documentId);
    dropIntent.run(r.documentId);
    return full;
  });

  const skip = db.transaction((documentId: number, reason: string) => {
    db.prepare(`UPDATE retention_schedule SET state = 'review', review_reason = ?, approvals = '[]', judged_version = NULL,
      judged_hash = NULL WHERE document_id = ?`).run(reason, documentId);
    dropIntent.run(documentId);
  });

  return {
    async beginDisposal(i) {
      db.prepare('INSERT OR REPLACE INTO disposal_intents VALUES (?, ?, ?, ?)').run(i.documentId, i.version, i.startedAt, i.permanent ? 1 : 0);
    },
    async disposalIntents() {
      return (db.prepare('SELECT * FROM disposal_intents ORDER BY document_id').all() as IntentRow[]).map(intentOf);
    },
    async cancelDisposal(documentId) {
      dropIntent.run(documentId);
    },
    async recordDisposal(r, actor) {
      return record.immediate(r, actor);
    },
    async recordSkip(documentId, reason) {
      skip.immediate(documentId, reason);
    },
    async disposals(options = {}) {
      return (db.prepare('SELECT * FROM disposals WHERE seq > ? ORDER BY seq LIMIT ?').all(options.after ?? 0, options.limit ?? -1) as DisposalRow[])
        .map(recordOf);
    },
    async disposalHead() {
      return head();
    },
  };
}
