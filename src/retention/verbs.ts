import { DOCTYPES } from '../../classifiers/doctype/doctypes.ts';
import type { Store } from '../store/store.ts';
import { LABELS } from '../types.ts';
import { isDay } from './duration.ts';
import { describeScope } from './holds.ts';
import { approvalsNeeded, planSchedule, stageName } from './schedule.ts';
import type { ScheduleRow } from './store.ts';
import type { Decision, DueItem, Hold, PolicySet, Retention, RetentionPolicy, ScheduledDocument, VerbResult } from './types.ts';

export interface RetentionContext {
  store: Store;
  policies: PolicySet;
  today(): string;
  now(): string;
  schedule(): Promise<{ scheduled: number; needsTrigger: number }>;
  policyOf(doc: Pick<ScheduledDocument, 'policyId' | 'documentType' | 'label'>): RetentionPolicy;
  dueItem(doc: ScheduledDocument, holds: readonly Hold[]): DueItem;
}

type Verbs = Pick<Retention, 'approve' | 'extend' | 'relabel' | 'setTrigger' | 'hold' | 'release' | 'holds'>;

/** The reviewer's verbs: each checks, changes the schedule, and leaves an audit entry with the reviewer and comment. */
export function createVerbs(ctx: RetentionContext): Verbs {
  const { store } = ctx;
  const audit = (action: string, subject: string, d: Decision, details: Record<string, unknown> = {}) =>
    store.appendAudit({ actor: d.actor, action, subject, details: { ...details, ...(d.comment ? { comment: d.comment } : {}) } });

  async function current(id: number): Promise<ScheduledDocument | undefined> {
    const [doc] = await store.scheduled({ documentIds: [id] });
    return doc;
  }

  /** Applies `change` to each document's schedule row and plans it again (with the events as they are now). */
  async function replan(ids: readonly number[], change: (row: ScheduleRow) => void): Promise<Map<number, ScheduledDocument>> {
    const events = await store.eventDates();
    const rows = (await store.scheduleInputs(ids)).map((input) => {
      if (input.previous) change(input.previous);
      return planSchedule(input, ctx.policies, events, ctx.now());
    });
    await store.saveSchedules(rows);
    return new Map((await store.scheduled({ documentIds: ids })).map((d) => [d.documentId, d]));
  }

  const fail = (documentId: number, message: string): VerbResult => ({ documentId, ok: false, message });
  const dueCheck = (doc: ScheduledDocument | undefined, id: number): VerbResult | undefined => {
    if (!doc) return fail(id, 'no such document with a retention schedule (not classified, or deleted)');
    if (!doc.disposeAfter) return fail(id, `waits for its ${doc.trigger.slice(6)} date: set it first (set-trigger)`);
    if (doc.disposeAfter > ctx.today()) return fail(id, `not due until ${doc.disposeAfter}`);
    return undefined;
  };

  return {
    async approve(ids, d) {
      await ctx.schedule();
      const holds = await store.holds({ active: true });
      const results: VerbResult[] = [];
      for (const id of ids) {
        const doc = await current(id);
        const problem = dueCheck(doc, id);
        if (problem || !doc) {
          results.push(problem!);
          continue;
        }
        const item = ctx.dueItem(doc, holds);
        if (!item.nextStage) {
          results.push(fail(id, 'already approved'));
          continue;
        }
        const earlier = doc.approvals.find((a) => a.actor === d.actor);
        if (earlier) {
          results.push(fail(id, `${d.actor} already approved stage ${earlier.stage}: stage ${item.nextStage} needs another reviewer`));
          continue;
        }
        const stage = item.nextStage;
        const approval = { actor: d.actor, stage, at: ctx.now(), ...(d.comment ? { comment: d.comment } : {}) };
        const [input] = await store.scheduleInputs([id]);
        const row = input!.previous!;
        row.approvals = [...doc.approvals, approval];
        // The first approval fixes what is judged: the content as classified now.
        row.judged = doc.approvals.length && row.judged ? row.judged : { version: doc.version, ...(doc.contentHash ? { contentHash: doc.contentHash } : {}) };
        const policy = ctx.policyOf(doc);
        const needed = approvalsNeeded(policy, doc);
        const complete = row.approvals.length >= needed;
        if (complete) {
          row.state = 'scheduled';
          delete row.reviewReason;
        }
        await store.saveSchedules([row]);
        await audit('retention.approved', `document:${id}`, d, { policy: doc.policyId, stage, complete });
        results.push({ documentId: id, ok: true, message: complete ? 'approved for disposal' : `stage ${stage} approved; next: ${stageName(policy, row.approvals.length)}`,
          ...(await withSchedule(id)) });
      }
      return results;
    },

    async extend(ids, until, d) {
      if (!isDay(until)) throw new RangeError(`"${until}" is not a date (YYYY-MM-DD)`);
      if (until <= ctx.today()) throw new RangeError(`the new date ${until} must be after today (${ctx.today()})`);
      await ctx.schedule();
      const ok: number[] = [];
      const results: VerbResult[] = [];
      for (const id of ids) {
        const doc = await current(id);
        if (!doc) results.push(fail(id, 'no such document with a retention schedule'));
        else ok.push(id);
      }
      const after = await replan(ok, (row) => {
        row.extendedUntil = until;
        row.approvals = [];
        row.state = 'scheduled';
        delete row.reviewReason;
        delete row.judged;
      });
      for (const id of ok) {
        await audit('retention.extended', `document:${id}`, d, { until });
        results.push({ documentId: id, ok: true, message: `kept until ${until}`, ...opt(after.get(id)) });
      }
      return results;
    },

    async relabel(ids, to, d) {
      if (to.documentType !== undefined && !DOCTYPES.byId.has(to.documentType)) throw new RangeError(`"${to.documentType}" is not a document type`);
      if (to.label !== undefined && !LABELS.includes(to.label)) throw new RangeError(`the label is one of ${LABELS.join(', ')}`);
      if (to.documentType === undefined && to.label === undefined) throw new RangeError('give a new document type, a new label, or both');
      await ctx.schedule();
      const found = new Map<number, ScheduledDocument>();
      for (const id of ids) {
        const doc = await current(id);
        if (doc) found.set(id, doc);
      }
      const after = await replan([...found.keys()], (row) => {
        const doc = found.get(row.documentId)!;
        row.relabel = { documentType: to.documentType ?? doc.documentType, label: to.label ?? doc.label };
        row.approvals = [];
        delete row.judged;
        if (row.state === 'review') row.state = 'scheduled';
      });
      return Promise.all(ids.map(async (id) => {
        const doc = after.get(id);
        if (!doc) return fail(id, 'no such document with a retention schedule');
        await audit('retention.relabelled', `document:${id}`, d, { from: { documentType: found.get(id)!.documentType, label: found.get(id)!.label }, to, policy: doc.policyId });
        return { documentId: id, ok: true, message: `${doc.documentType} / ${doc.label}: policy ${doc.policyId}, ${doc.disposeAfter ? `dispose after ${doc.disposeAfter}` : 'waits for a trigger date'}`, schedule: doc };
      }));
    },

    async setTrigger(target, date, d) {
      if (!isDay(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
      if (d.event !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(d.event)) throw new RangeError('the event is a name such as end-of-employment');
      if (!target.documentIds?.length && !target.location) throw new RangeError('name documents or a location');
      await ctx.schedule();
      const base = { date, actor: d.actor, at: ctx.now(), ...(d.event ? { event: d.event } : {}), ...(d.comment ? { comment: d.comment } : {}) };
      let ids: number[];
      const results: VerbResult[] = [];
      if (target.location) {
        const { prefix, sourceId } = target.location;
        await store.addEventDate({ ...base, prefix: prefix.replace(/\/+$/, ''), ...(sourceId !== undefined ? { sourceId } : {}) });
        await audit('retention.trigger-set', `location:${prefix}`, d, { date, event: d.event ?? null, sourceId: sourceId ?? null });
        ids = (await store.scheduled({ location: target.location })).map((s) => s.documentId);
      } else {
        ids = [];
        for (const id of target.documentIds ?? []) {
          if (!(await current(id))) results.push(fail(id, 'no such document with a retention schedule'));
          else {
            await store.addEventDate({ ...base, documentId: id });
            await audit('retention.trigger-set', `document:${id}`, d, { date, event: d.event ?? null });
            ids.push(id);
          }
        }
      }
      const after = await replan(ids, () => {});
      for (const id of ids) {
        const doc = after.get(id)!;
        const event = doc.trigger.startsWith('event:') ? doc.trigger.slice(6) : undefined;
        if (!event) {
          if (target.documentIds) results.push({ ...fail(id, `policy ${doc.policyId} runs from ${doc.trigger}, not from an event`), schedule: doc });
        } else if (d.event && d.event !== event) {
          if (target.documentIds) results.push({ ...fail(id, `policy ${doc.policyId} waits for ${event}, not ${d.event}`), schedule: doc });
        } else results.push({ documentId: id, ok: true, message: `${event} ${doc.triggerDate}: dispose after ${doc.disposeAfter}`, schedule: doc });
      }
      return results;
    },

    async hold(scope, d) {
      if (scope.kind === 'document' && !(await store.scheduled({ documentIds: [scope.documentId], includeDeleted: true })).length) {
        await ctx.schedule();
        if (!(await current(scope.documentId))) throw new RangeError(`no document ${scope.documentId} with a retention schedule`);
      }
      if (scope.kind === 'search' && !Object.values(scope.filter).some((v) => v !== undefined)) throw new RangeError('a search hold needs a label, type or category');
      if (scope.kind === 'search' && scope.filter.label !== undefined && !LABELS.includes(scope.filter.label)) throw new RangeError(`the label is one of ${LABELS.join(', ')}`);
      const hold = await store.placeHold({ scope, placedBy: d.actor, placedAt: ctx.now(), ...(d.comment ? { comment: d.comment } : {}) });
      await audit('retention.hold-placed', `hold:${hold.id}`, d, { scope: describeScope(scope) });
      return hold;
    },

    async release(holdId, d) {
      const before = (await store.holds()).find((h) => h.id === holdId);
      if (!before) throw new RangeError(`there is no hold ${holdId}`);
      if (before.releasedAt) throw new RangeError(`hold ${holdId} was released on ${before.releasedAt} by ${before.releasedBy}`);
      const hold = (await store.releaseHold(holdId, { by: d.actor, at: ctx.now(), ...(d.comment ? { comment: d.comment } : {}) }))!;
      await audit('retention.hold-released', `hold:${holdId}`, d, { scope: describeScope(hold.scope) });
      return hold;
    },

    async holds(options) {
      return store.holds(options);
    },
  };

  async function withSchedule(id: number) {
    return opt(await current(id));
  }
}

function opt(schedule: ScheduledDocument | undefined): { schedule?: ScheduledDocument } {
  return schedule ? { schedule } : {};
}
