import type { ScheduleInput, ScheduleRow } from '../../retention/store.ts';
import type { Approval, ScheduledDocument, Trigger } from '../../retention/types.ts';
import type { Category, Label } from '../../types.ts';
import { sourceRefOf, type SourceColumns } from './source-ref.ts';

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

/** `{ key: v }`, or nothing where the column is NULL: optional fields stay absent rather than undefined. */
export const opt = <T>(v: T | null, key: string) => (v === null ? {} : { [key]: v });

/** A schedule row as retention reads it. */
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

/** A classified document with its schedule, if any (left-joined: `document_id` is NULL where there is none). */
export type InputRow = ScheduleDbRow & SourceColumns & { id: number; source_id: number; location: string; version: string;
  content_hash: string | null; modified: string | null; scanned_at: string; c_classified_at: string; c_document_type: string; c_label: Label };

export function scheduleInputOf(row: InputRow): ScheduleInput {
  return {
    documentId: row.id, sourceId: row.source_id, source: sourceRefOf(row), location: row.location,
    version: row.version, ...opt(row.content_hash, 'contentHash'), ...opt(row.modified, 'modified'), scannedAt: row.scanned_at,
    classifiedAt: row.c_classified_at, documentType: row.c_document_type, label: row.c_label,
    ...(row.document_id !== null ? { previous: scheduleOf(row) } : {}),
  };
}

export type ScheduledRow = ScheduleDbRow & SourceColumns & { source_id: number; item_id: string; location: string; name: string;
  size: number; version: string; modified: string | null; content_hash: string | null; deleted_at: string | null };

/** The categories come apart per store (a JSON text in SQLite, an array in PostgreSQL); the rest maps the same. */
export function scheduledOf(r: ScheduledRow, categories: Category[]): ScheduledDocument {
  const { classifiedAt: _c, fingerprint: _f, scheduledAt: _s, documentId, ...schedule } = scheduleOf(r);
  return {
    documentId, sourceId: r.source_id, source: sourceRefOf(r), itemId: r.item_id, location: r.location,
    name: r.name, size: r.size, version: r.version, ...opt(r.modified, 'modified'), ...opt(r.content_hash, 'contentHash'),
    documentType: r.document_type, label: r.label, categories, ...schedule, deleted: r.deleted_at !== null,
  };
}
