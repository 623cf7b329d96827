import { auditEntryOf, type AuditRow } from '../rows/index.ts';
import type { Store } from '../store.ts';
import type { Db } from './open.ts';

/** The audit log: append and read. The database refuses UPDATE and DELETE on it (triggers, migration 1). */
export function auditMethods(db: Db): Pick<Store, 'appendAudit' | 'audit'> {
  const insert = db.prepare('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  return {
    async appendAudit(event) {
      insert.run(new Date().toISOString(), event.actor, event.action, event.subject ?? null, event.details ? JSON.stringify(event.details) : null);
    },
    async audit(options = {}) {
      return db
        .prepare<[number, number], AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?')
        .all(options.after ?? 0, options.limit ?? 1000)
        .map(auditEntryOf);
    },
  };
}
