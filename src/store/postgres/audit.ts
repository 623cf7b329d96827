import { auditEntryOf, type AuditRow } from '../rows/index.ts';
import type { AuditInput, Store } from '../store.ts';
import type { Pg, Queryable } from './db.ts';

/** Any number: held while appending, so seqs commit in order. */
const AUDIT_LOCK = 0x6175_6469;

/**
 * Appends inside the caller's transaction. The lock (until commit) makes entries commit in seq order: a reader paging
 * with `after` never passes a seq that a slower transaction commits later, as it could with concurrent writers.
 */
export async function insertAudit(q: Queryable, event: AuditInput): Promise<void> {
  await q.one('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  await q.run('INSERT INTO audit_log (at, actor, action, subject, details) VALUES ($1, $2, $3, $4, $5)',
    [new Date().toISOString(), event.actor, event.action, event.subject ?? null, event.details ? JSON.stringify(event.details) : null]);
}

/** The audit log: append and read. The database refuses UPDATE, DELETE and TRUNCATE on it (triggers, migration 1). */
export function auditMethods(db: Pg): Pick<Store, 'appendAudit' | 'audit'> {
  return {
    async appendAudit(event) {
      await db.tx((q) => insertAudit(q, event));
    },
    async audit(options = {}) {
      const rows = await db.rows<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [options.after ?? 0, options.limit ?? 1000]);
      return rows.map(auditEntryOf);
    },
  };
}
