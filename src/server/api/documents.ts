import { Router } from 'express';
import { requirePermission } from '../auth/authenticate.ts';
import { actorOf } from '../auth/principal.ts';
import type { ScheduleState } from '../../retention/types.ts';
import type { ServerContext } from '../context.ts';
import { notFound } from '../http-error.ts';
import { documentDetail, documentSummary } from './document-view.ts';
import { date, idParam, integer, label, oneOf, optionalString } from './params.ts';

const REVIEW = ['unreviewed', 'confirmed', 'corrected', 'reviewed'] as const;
const STATUS = ['classified', 'error', 'deleted'] as const;
const SORT = ['priority', 'location', 'scanned'] as const;
const RETENTION = ['scheduled', 'needs-trigger', 'review', 'disposed', 'due'] as const;

/** Documents: a filtered, paged list and one document with its evidence (each view of evidence is audited). */
export function documentRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/documents', requirePermission('read'), async (req, res) => {
    const q = req.query;
    const retention = oneOf(q.retention, RETENTION, 'retention');
    const byRetention = retention ? await retentionFilter(ctx, retention) : {};
    const status = oneOf(q.status, STATUS, 'status');
    const source = integer(q.source, 'source', 1, Number.MAX_SAFE_INTEGER);
    const query = {
      label: label(q.label),
      documentType: optionalString(q.type, 'type', 100),
      category: optionalString(q.category, 'category', 100),
      location: optionalString(q.location, 'location'),
      review: oneOf(q.review, REVIEW, 'review'),
      // Disposed documents are gone from their source: they are listed as deleted unless a status says otherwise.
      status: status ?? (retention === 'disposed' ? 'deleted' as const : undefined),
      scannedFrom: date(q.scannedFrom, 'scannedFrom'),
      scannedTo: date(q.scannedTo, 'scannedTo'),
      modifiedFrom: date(q.modifiedFrom, 'modifiedFrom'),
      modifiedTo: date(q.modifiedTo, 'modifiedTo'),
      sort: oneOf(q.sort, SORT, 'sort'),
      offset: integer(q.offset, 'offset', 0, 10_000_000) ?? 0,
      limit: integer(q.limit, 'limit', 1, 500) ?? 50,
      ...(source !== undefined ? { sourceId: source } : {}),
      ...byRetention,
    };
    const { total, documents } = await ctx.store.findDocuments(query);
    res.json({ total, offset: query.offset, limit: query.limit, documents: documents.map(documentSummary) });
  });

  router.get('/documents/:id', requirePermission('read'), async (req, res) => {
    const id = idParam(req.params.id);
    const doc = await ctx.store.reviewedDocument(id);
    if (!doc) throw notFound('no document with this id');
    // Looking at evidence is itself recorded: an index of personal data must show who consulted it.
    await ctx.store.appendAudit({ actor: actorOf(req.principal!), action: 'document.viewed', subject: `document:${id}` });
    const schedule = await ctx.retention?.retentionOf(id);
    const ground = schedule ? ctx.retention?.policies.byId(schedule.policyId)?.ground : undefined;
    const [errors, history] = await Promise.all([ctx.store.documentErrors(id), ctx.store.auditOf(`document:${id}`)]);
    res.json(documentDetail(doc, { errors, history, ...(schedule ? { retention: schedule } : {}), ...(ground ? { ground } : {}) }));
  });

  router.get('/sources', requirePermission('read'), async (_req, res) => {
    res.json({ sources: await ctx.store.sources() });
  });

  return router;
}

/**
 * The retention filter: `due` is today's disposition queue (what the review screen shows); every other state is what
 * each document's schedule says, brought up to date first, whether its date has come or not.
 */
async function retentionFilter(ctx: ServerContext, state: (typeof RETENTION)[number]): Promise<{ ids?: number[]; retention?: ScheduleState }> {
  if (!ctx.retention) return { ids: [] };
  if (state === 'due') return { ids: (await ctx.retention.due()).groups.flatMap((g) => g.items.map((i) => i.documentId)) };
  await ctx.retention.schedule();
  return { retention: state };
}
