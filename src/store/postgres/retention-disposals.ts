import { chainHash, GENESIS, sealOf } from '../../retention/chain.ts';
import type { RetentionStore } from '../../retention/store.ts';
import type { DisposalRecord } from '../../retention/types.ts';
import { intentOf, recordOf, type DisposalRow, type IntentRow } from '../rows/index.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import { insertAudit } from './audit.ts';
import type { Pg } from './db.ts';

type DisposalMethods = Pick<RetentionStore, 'beginDisposal' | 'disposalIntents' | 'cancelDisposal' | 'recordDisposal' | 'recordSkip' | 'disposals' | 'disposalHead'>;

/** Purge intents and the disposal log: appended in one transaction with everything a disposal changes. */
export function disposalMethods(db: Pg, hasher: KeyedHasher): DisposalMethods {
  return {
    async beginDisposal(i) {
      await db.run(`INSERT INTO disposal_intents VALUES ($1, $2, $3, $4) ON CONFLICT (document_id) DO UPDATE SET
        version = excluded.version, started_at = excluded.started_at, permanent = excluded.permanent`,
      [i.documentId, i.version, i.startedAt, i.permanent ? 1 : 0]);
    },
    async disposalIntents() {
      return (await db.rows<IntentRow>('SELECT * FROM disposal_intents ORDER BY document_id')).map(intentOf);
    },
    async cancelDisposal(documentId) {
      await db.run('DELETE FROM disposal_intents WHERE document_id = $1', [documentId]);
    },
    async recordDisposal(r, actor) {
      return db.tx(async (q) => {
        // The head row is locked first: disposals from several processes are appended one after the other.
        const head = Number((await q.one<{ value: string }>("SELECT value FROM meta WHERE key = 'disposal-head' FOR UPDATE"))!.value);
        const last = await q.one<{ seq: number; hash: string }>('SELECT seq, hash FROM disposals ORDER BY seq DESC LIMIT 1');
        // After the last rows were removed (tampering) the seq still moves on, so the gap stays visible to `verify`.
        const seq = Math.max(head, last?.seq ?? 0) + 1;
        const prevHash = last?.hash ?? GENESIS;
        const hash = chainHash(prevHash, seq, r);
        const full: DisposalRecord = { ...r, seq, prevHash, hash, seal: sealOf(hasher, hash) };
        await q.run('INSERT INTO disposals VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)', [
          seq, r.documentId, r.sourceKind, r.sourceRoot, r.folder, r.nameHash, r.documentType, r.label, JSON.stringify(r.categories),
          r.policyId, r.ground, r.disposeAfter, JSON.stringify(r.approvers), r.deletedAt, r.permanent ? 1 : 0, r.answer, prevHash, hash, full.seal]);
        await q.run("UPDATE meta SET value = $1 WHERE key = 'disposal-head'", [String(seq)]);
        await insertAudit(q, { actor, action: 'retention.disposed', subject: `document:${r.documentId}`, details: { seq, hash, policy: r.policyId } });
        // The document row stays (its id is what the audit log names) but keeps nothing of the document: no name, no
        // findings; a version no listing shows, so an item restored from a recycle bin is read and classified afresh.
        await q.run(`UPDATE documents SET deleted_at = $1, name = $2, location = $3, version = 'disposed', content_hash = NULL,
          source_hash = NULL WHERE id = $4`, [r.deletedAt, `#${r.nameHash}`, r.folder ? `${r.folder}/#${r.nameHash}` : `#${r.nameHash}`, r.documentId]);
        await q.run('DELETE FROM classifications WHERE document_id = $1', [r.documentId]);
        await q.run('DELETE FROM document_categories WHERE document_id = $1', [r.documentId]);
        await q.run("UPDATE retention_schedule SET state = 'disposed' WHERE document_id = $1", [r.documentId]);
        await q.run('DELETE FROM disposal_intents WHERE document_id = $1', [r.documentId]);
        return full;
      });
    },
    async recordSkip(documentId, reason) {
      await db.tx(async (q) => {
        await q.run(`UPDATE retention_schedule SET state = 'review', review_reason = $1, approvals = '[]', judged_version = NULL,
          judged_hash = NULL WHERE document_id = $2`, [reason, documentId]);
        await q.run('DELETE FROM disposal_intents WHERE document_id = $1', [documentId]);
      });
    },
    async disposals(options = {}) {
      const rows = await db.rows<DisposalRow>('SELECT * FROM disposals WHERE seq > $1 ORDER BY seq LIMIT $2', [options.after ?? 0, options.limit ?? null]);
      return rows.map(recordOf);
    },
    async disposalHead() {
      return Number((await db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'disposal-head'"))?.value ?? 0);
    },
  };
}
