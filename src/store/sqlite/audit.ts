import type { AuditEntry, Store } from '../store.ts';
import type { Db } from './open.ts';

/** The audit log: append and read. The database refuses UPDATE and DELETE on it (triggers, migration 1). */
export function auditMethods(db: Db): Pick<Store, 'appendAudit' | 'audit'> {
  const insert = db.prepare('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  return {
    async appendAudit(event) {
      insert.run(new Date().toISOString(), event.actor, event.action, event.subject ?? null, event.details ? JSON.stringify(event.details) : null);
    },
    async audit(options = {}) {
      const rows = db
        .prepare<[number, number], { seq: number; at: string; actor: string; action: string; subject: string | null; details: string | null }>(
          'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
        )
        .all(options.after ?? 0, options.limit ?? 1000);
      return rows.map((r): AuditEntry => ({
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        ...(r.subject !== null ? { subject: r.subject } : {}),
        ...(r.details !== null ? { details: JSON.parse(r.details) as Record<string, unknown> } : {}),
      }));
    },
  };
}
