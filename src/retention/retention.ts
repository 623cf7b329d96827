import type { Store } from '../store/store.ts';
import { verifyChain, type RecordedDisposal } from './chain.ts';
import { dayOf } from './duration.ts';
import { holdsOn } from './holds.ts';
import { loadPolicies } from './policies.ts';
import { runPurge } from './purge.ts';
import { approvalsNeeded, planSchedule, stageName } from './schedule.ts';
import type { Hold, DueItem, Retention, RetentionContract, RetentionOptions, ScheduledDocument } from './types.ts';
import { createVerbs, type RetentionContext } from './verbs.ts';

const BATCH = 500;

/** Retention over `store` (see the `Retention` interface); policies and clock injectable for tests. */
export function createRetention(store: Store, options: RetentionOptions = {}): Retention {
  const policies = options.policies ?? loadPolicies();
  const clock = options.clock ?? (() => new Date());
  const today = () => dayOf(clock());
  const now = () => clock().toISOString();
  const policyOf = (doc: Pick<ScheduledDocument, 'policyId' | 'documentType' | 'label'>) =>
    policies.byId(doc.policyId) ?? policies.policyFor(doc.documentType, doc.label);

  async function schedule() {
    const events = await store.eventDates();
    let scheduled = 0;
    let needsTrigger = 0;
    let after = 0;
    for (;;) {
      const batch = await store.toSchedule({ fingerprint: policies.fingerprint, limit: BATCH, afterId: after });
      if (!batch.length) break;
      const rows = batch.map((input) => planSchedule(input, policies, events, now()));
      await store.saveSchedules(rows);
      for (const r of rows) r.state === 'needs-trigger' ? needsTrigger++ : scheduled++;
      after = batch[batch.length - 1]!.documentId;
    }
    return { scheduled, needsTrigger };
  }

  function dueItem(doc: ScheduledDocument, holds: readonly Hold[]): DueItem {
    const policy = policyOf(doc);
    const needed = approvalsNeeded(policy, doc);
    const on = holdsOn(holds, doc);
    const approved = doc.approvals.length >= needed;
    const status = on.length ? 'held' : approved ? (needed ? 'approved' : 'ready') : doc.state === 'review' ? 'review' : 'awaiting-approval';
    return { ...doc, status, approved, holds: on, ...(!approved ? { nextStage: stageName(policy, doc.approvals.length) } : {}) };
  }

  async function dueItems(): Promise<DueItem[]> {
    await schedule();
    const holds = await store.holds({ active: true });
    const docs = await store.scheduled({ dueBy: today(), states: ['scheduled', 'review'] });
    return docs.map((d) => dueItem(d, holds));
  }

  const context: RetentionContext = { store, policies, today, now, schedule, policyOf, dueItem };
  const verbs = createVerbs(context);

  return {
    policies,
    schedule,
    async due() {
      const items = await dueItems();
      const groups = new Map<string, DueItem[]>();
      for (const item of items) groups.set(item.policyId, [...(groups.get(item.policyId) ?? []), item]);
      const waiting = await store.scheduled({ states: ['needs-trigger'] });
      return {
        today: today(),
        groups: [...groups].map(([id, list]) => ({ policy: policyOf(list[0]!) ?? policies.byId(id)!, items: list })),
        needsTrigger: waiting.length,
      };
    },
    async needsTrigger() {
      await schedule();
      return store.scheduled({ states: ['needs-trigger'] });
    },
    async retentionOf(documentId) {
      const [doc] = await store.scheduled({ documentIds: [documentId], includeDeleted: true });
      return doc;
    },
    contractOf(doc): RetentionContract {
      if (doc.disposeAfter) return { policy: doc.policyId, disposeAfter: doc.disposeAfter };
      return { policy: doc.policyId, needsTrigger: doc.trigger.replace(/^event:/, '') };
    },
    ...verbs,
    async purge(purgeOptions) {
      return runPurge({ ...context, items: dueItems }, purgeOptions);
    },
    async disposals(range) {
      return store.disposals(range);
    },
    async verifyLog() {
      const recorded: RecordedDisposal[] = [];
      for (let after = 0; ;) {
        const page = await store.audit({ after, limit: 1000 });
        if (!page.length) break;
        for (const e of page) {
          if (e.action === 'retention.disposed' && e.details) recorded.push({ seq: Number(e.details.seq), hash: String(e.details.hash) });
        }
        after = page[page.length - 1]!.seq;
      }
      return verifyChain(await store.disposals(), await store.disposalHead(), recorded, store.hasher);
    },
  };
}
