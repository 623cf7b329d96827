import { setTimeout as sleep } from 'node:timers/promises';
import { isConnectorError, type Connector, type Item } from '../../connectors/connector.ts';
import { DEFAULT_LIMITS } from '../extract/types.ts';
import { osUser } from '../store/os-user.ts';
import { holdsOn } from './holds.ts';
import type { DisposalInput, DueItem, PurgeOptions, PurgeOutcome, PurgeSummary, ScheduledDocument, SkipReason } from './types.ts';
import type { RetentionContext } from './verbs.ts';

export interface PurgeContext extends RetentionContext {
  /** The due queue as it stands (scheduled first). */
  items(): Promise<DueItem[]>;
}

/**
 * The purge job. Deletes what is due, approved (or needs no approval), not held and unchanged since judged: the
 * content at the source is read and compared (keyed hash) right before, and the delete itself carries the version
 * (If-Match), so a change in between is refused by the source. An intent is written before each delete and the
 * outcome after: a rerun after a kill finds the intents, and records as deleted what is gone, so nothing is deleted
 * twice or skipped without a word. Changed, locked or vanished items go back to review with the reason.
 */
export async function runPurge(ctx: PurgeContext, options: PurgeOptions): Promise<PurgeSummary> {
  const started = performance.now();
  const actor = options.actor ?? osUser();
  const dryRun = options.dryRun ?? false;
  const permanent = options.permanent ?? false;
  const summary: PurgeSummary = { dryRun, permanent, planned: 0, deleted: 0, skipped: 0, held: 0, recovered: 0, stopped: false, outcomes: [], seconds: 0 };
  const emit = (o: PurgeOutcome) => {
    summary.outcomes.push(o);
    options.onOutcome?.(o);
  };
  const { store } = ctx;
  const itemOf = (d: ScheduledDocument, version: string): Item =>
    ({ id: d.itemId, name: d.name, location: d.location, size: d.size, version, modified: d.modified ?? '' });

  async function record(d: ScheduledDocument, answer: string, connector: Connector): Promise<void> {
    const policy = ctx.policyOf(d);
    const input: DisposalInput = {
      documentId: d.documentId, sourceKind: d.source.kind, sourceRoot: d.source.root,
      folder: d.location.split('/').slice(0, -1).join('/'), nameHash: store.hasher.digest('name', d.name),
      documentType: d.documentType, label: d.label, categories: d.categories, policyId: policy.id, ground: policy.ground,
      disposeAfter: d.disposeAfter ?? '', approvers: d.approvals, deletedAt: ctx.now(),
      // A folder has no recycle bin: what it deletes is gone.
      permanent: permanent || connector.source.kind === 'filesystem', answer,
    };
    await store.recordDisposal(input, actor);
  }

  async function skip(d: ScheduledDocument, reason: SkipReason, message: string, backToReview = true): Promise<void> {
    if (backToReview) await store.recordSkip(d.documentId, `${reason}: ${message}`);
    await store.appendAudit({ actor, action: 'retention.purge-skipped', subject: `document:${d.documentId}`, details: { reason, message } });
    summary.skipped++;
    emit({ documentId: d.documentId, source: d.source, location: d.location, result: 'skipped', reason, message });
  }

  if (!dryRun) await recover();

  const due = await ctx.items();
  summary.held = due.filter((i) => i.status === 'held' && i.approved).length;
  let plan = due.filter((i) => i.status === 'approved' || i.status === 'ready');
  plan.sort((a, b) => (a.disposeAfter! < b.disposeAfter! ? -1 : a.disposeAfter! > b.disposeAfter! ? 1 : a.documentId - b.documentId));
  if (options.limit !== undefined) plan = plan.slice(0, Math.max(0, options.limit));
  summary.planned = plan.length;
  await store.appendAudit({ actor, action: dryRun ? 'retention.purge-planned' : 'retention.purge-started', details: { planned: plan.length, held: summary.held, permanent } });

  if (dryRun) {
    for (const d of plan) emit({ documentId: d.documentId, source: d.source, location: d.location, result: 'planned' });
  } else {
    const gap = options.rate && options.rate > 0 ? 1000 / options.rate : 200;
    let next = 0;
    for (const d of plan) {
      if (options.signal?.aborted) {
        summary.stopped = true;
        break;
      }
      const connector = options.connectorFor(d.source);
      if (!connector) {
        await skip(d, 'no-connector', `no connector for ${d.source.kind} sources here (bewaarder purge --tenant CONFIG reaches Microsoft 365)`, false);
        continue;
      }
      // A hold placed while the purge runs still counts.
      if (holdsOn(await store.holds({ active: true }), d).length) {
        summary.held++;
        continue;
      }
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait, undefined, options.signal ? { signal: options.signal } : {}).catch(() => undefined);
      if (options.signal?.aborted) {
        summary.stopped = true;
        break;
      }
      next = Math.max(performance.now(), next) + gap;
      await disposeOne(d, connector);
    }
  }
  summary.seconds = Math.round(performance.now() - started) / 1000;
  if (!dryRun) {
    const { outcomes: _o, ...counts } = summary;
    await store.appendAudit({ actor, action: 'retention.purge-finished', details: { ...counts } });
  }
  return summary;

  async function disposeOne(d: ScheduledDocument, connector: Connector): Promise<void> {
    const judgedHash = d.judged?.contentHash;
    if (judgedHash && d.contentHash && judgedHash !== d.contentHash) return skip(d, 'changed', 'changed since it was judged');
    const target = itemOf(d, d.version);
    try {
      const fetched = await connector.fetch(target, { maxBytes: DEFAULT_LIMITS.maxBytes, ...(options.signal ? { signal: options.signal } : {}) });
      const expected = judgedHash ?? d.contentHash;
      if (expected && store.hasher.digest('content', fetched.bytes) !== expected) return skip(d, 'changed', 'its content changed since it was judged');
    } catch (error) {
      // Too large to read again: the version check of the delete itself still guards it.
      if (!isConnectorError(error, 'too-large')) return skip(d, ...reasonOf(error));
    }
    await store.beginDisposal({ documentId: d.documentId, version: d.version, startedAt: ctx.now(), permanent });
    try {
      await connector.delete(target, d.version, { permanent });
    } catch (error) {
      // Anything else (the network, a crash) leaves the intent: the next run finds out whether it happened.
      if (!isConnectorError(error)) throw error;
      return skip(d, ...reasonOf(error));
    }
    await record(d, 'deleted', connector);
    summary.deleted++;
    emit({ documentId: d.documentId, source: d.source, location: d.location, result: 'deleted' });
  }

  async function recover(): Promise<void> {
    for (const intent of await store.disposalIntents()) {
      const [d] = await store.scheduled({ documentIds: [intent.documentId], includeDeleted: true });
      if (!d || d.deleted) {
        await store.cancelDisposal(intent.documentId);
        continue;
      }
      const connector = options.connectorFor(d.source);
      if (!connector) continue; // the intent waits for a run that can reach the source
      try {
        // Asked for at most its own size: a source that refuses larger items unread (a drive, by its listed size)
        // must still ask the source, or a deleted item would pass for one still there.
        await connector.fetch(itemOf(d, intent.version), { maxBytes: Math.max(1, d.size) });
        await store.cancelDisposal(d.documentId); // still there: the delete did not happen; planned again if still due
      } catch (error) {
        if (isConnectorError(error, 'too-large')) await store.cancelDisposal(d.documentId);
        else if (isConnectorError(error, 'not-found')) {
          await record(d, 'deleted (found gone after an interrupted purge run)', connector);
          summary.recovered++;
          emit({ documentId: d.documentId, source: d.source, location: d.location, result: 'deleted', message: 'recorded after an interrupted run' });
        }
      }
    }
  }
}

function reasonOf(error: unknown): [SkipReason, string] {
  if (isConnectorError(error, 'not-found')) return ['vanished', 'no longer at the source (moved or deleted by someone else)'];
  if (isConnectorError(error, 'version-conflict')) return ['changed', 'changed since it was judged'];
  if (isConnectorError(error, 'access-denied') || isConnectorError(error, 'locked')) return ['locked', 'locked or not allowed at the source'];
  return ['failed', isConnectorError(error) ? error.message : 'the source did not answer'];
}
