import { addDuration, dayOf } from './duration.ts';
import type { EventDate, ScheduleInput, ScheduleRow } from './store.ts';
import type { PolicySet, RetentionPolicy } from './types.ts';

/** Is `location` the folder `prefix` or below it (`hr/jan` holds `hr/jan/cv.pdf`, not `hr/jansen/cv.pdf`)? */
export function isBelow(location: string, prefix: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  return p === '' || location === p || location.startsWith(`${p}/`);
}

/**
 * The event date a document's term runs from: one set for the document itself wins over one for a folder, a deeper
 * folder over a shallower one, a date for this very event over one for "any event", a later entry over an earlier.
 */
export function eventDateFor(events: readonly EventDate[], doc: { documentId: number; sourceId: number; location: string }, event: string): string | undefined {
  let best: { rank: number[]; date: string } | undefined;
  for (const e of events) {
    if (e.event !== undefined && e.event !== event) continue;
    let depth: number;
    if (e.documentId !== undefined) {
      if (e.documentId !== doc.documentId) continue;
      depth = Number.MAX_SAFE_INTEGER;
    } else {
      if (e.sourceId !== undefined && e.sourceId !== doc.sourceId) continue;
      if (e.prefix === undefined || !isBelow(doc.location, e.prefix)) continue;
      depth = e.prefix.replace(/\/+$/, '').length;
    }
    const rank = [depth, e.event !== undefined ? 1 : 0, e.id];
    if (!best || compare(rank, best.rank) > 0) best = { rank, date: e.date };
  }
  return best?.date;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The role whose approval a document needs next. */
export function stageName(policy: RetentionPolicy, index: number): string {
  return policy.stages?.[index] ?? 'reviewer';
}

/** How many approvals a document needs before it may be purged. */
export function approvalsNeeded(policy: RetentionPolicy, row: Pick<ScheduleRow, 'state'>): number {
  if (policy.action === 'review') return Math.max(1, policy.stages?.length ?? 0);
  return row.state === 'review' ? 1 : 0; // sent back by the purge job: a person looks before it goes
}

/**
 * A document's schedule from its (effective) type and label, its dates and the event dates: a policy and a
 * dispose-after date, or `needs-trigger`. What a reviewer decided survives where it still applies: a relabel always,
 * an extension always, approvals only while policy, date and the judged content stay the same.
 */
export function planSchedule(input: ScheduleInput, policies: PolicySet, events: readonly EventDate[], now: string): ScheduleRow {
  const prev = input.previous;
  const effective = prev?.relabel ?? { documentType: input.documentType, label: input.label };
  const policy = policies.policyFor(effective.documentType, effective.label);
  const changedAt = dayOf(input.modified ?? input.scannedAt);
  let triggerDate: string | undefined;
  if (policy.trigger === 'modified') triggerDate = changedAt;
  else if (policy.trigger === 'created') {
    // Sources do not all say when a document was made: the earliest change seen stands in for it, and never moves on.
    const earlier = prev?.trigger === 'created' ? prev.triggerDate : undefined;
    triggerDate = earlier && earlier < changedAt ? earlier : changedAt;
  } else triggerDate = eventDateFor(events, input, policy.trigger.slice('event:'.length));
  let disposeAfter = triggerDate ? addDuration(triggerDate, policy.term) : undefined;
  if (disposeAfter && prev?.extendedUntil && prev.extendedUntil > disposeAfter) disposeAfter = prev.extendedUntil;

  const judgedNow = { version: input.version, ...(input.contentHash ? { contentHash: input.contentHash } : {}) };
  const sameContent = (j: ScheduleRow['judged']) => j !== undefined && (j.contentHash !== undefined && input.contentHash !== undefined
    ? j.contentHash === input.contentHash : j.version === input.version);
  const keep = prev !== undefined && prev.policyId === policy.id && prev.disposeAfter === disposeAfter && sameContent(prev.judged);
  const lapsed = prev !== undefined && prev.approvals.length > 0 && !keep;
  const row: ScheduleRow = {
    documentId: input.documentId,
    policyId: policy.id,
    trigger: policy.trigger,
    ...(triggerDate ? { triggerDate } : {}),
    ...(disposeAfter ? { disposeAfter } : {}),
    state: !disposeAfter ? 'needs-trigger' : prev?.state === 'review' || lapsed ? 'review' : 'scheduled',
    approvals: keep ? prev.approvals : [],
    // What "unchanged since judged" compares with: the approvals' judgement, or for a policy that needs none, the
    // classification itself.
    ...(keep && prev.judged ? { judged: prev.judged } : policy.action === 'delete' ? { judged: judgedNow } : {}),
    ...(prev?.extendedUntil ? { extendedUntil: prev.extendedUntil } : {}),
    ...(prev?.relabel ? { relabel: prev.relabel } : {}),
    classifiedAt: input.classifiedAt,
    fingerprint: policies.fingerprint,
    scheduledAt: now,
  };
  if (row.state === 'review') row.reviewReason = lapsed ? 'changed since it was approved: approve again' : prev?.reviewReason ?? 'review';
  return row;
}
