import type { AuditEntry } from '../store.ts';

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string | null;
}

export function auditEntryOf(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    ...(r.subject !== null ? { subject: r.subject } : {}),
    ...(r.details !== null ? { details: JSON.parse(r.details) as Record<string, unknown> } : {}),
  };
}
