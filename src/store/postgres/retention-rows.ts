import type { ScheduleRow } from '../../retention/store.ts';
import type { Approval, Trigger } from '../../retention/types.ts';
import type { Label } from '../../types.ts';

export interface ScheduleDbRow {
  document_id: number;
  policy_id: string;
  document_type: string;
  label: Label;
  trigger: Trigger;
  trigger_date: string | null;
  dispose_after: string | null;
  state: ScheduleRow['state'];
  approvals: string;
  judged_version: string | null;
  judged_hash: string | null;
  review_reason: string | null;
  extended_until: string | null;
  relabel_type: string | null;
  relabel_label: Label | null;
  classified_at: string;
  fingerprint: string;
  scheduled_at: string;
}

export const opt = <T>(v: T | null, key: string) => (v === null ? {} : { [key]: v });

/** A schedule row as retention reads it (the same mapping as the SQLite store's). */
export function scheduleOf(r: ScheduleDbRow): ScheduleRow {
  return {
    documentId: r.document_id,
    policyId: r.policy_id,
    trigger: r.trigger,
    ...(r.trigger_date ? { triggerDate: r.trigger_date } : {}),
    ...(r.dispose_after ? { disposeAfter: r.dispose_after } : {}),
    state: r.state,
    approvals: JSON.parse(r.approvals) as Approval[],
    ...(r.judged_version ? { judged: { version: r.judged_version, ...(r.judged_hash ? { contentHash: r.judged_hash } : {}) } } : {}),
    ...(r.review_reason ? { reviewReason: r.review_reason } : {}),
    ...(r.extended_until ? { extendedUntil: r.extended_until } : {}),
    ...(r.relabel_type && r.relabel_label ? { relabel: { documentType: r.relabel_type, label: r.relabel_label } } : {}),
    classifiedAt: r.classified_at,
    fingerprint: r.fingerprint,
    scheduledAt: r.scheduled_at,
  };
}
