import { Router } from 'express';
import { requirePermission } from '../auth/authenticate.ts';
import { actorOf } from '../auth/principal.ts';
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
    const ids = retention ? await retentionIds(ctx, retention) : undefined;
    const source = integer(q.source, 'source', 1, Number.MAX_SAFE_INTEGER);
    const query = {
      label: label(q.label),
      documentType: optionalString(q.type, 'type', 100),
      category: optionalString(q.category, 'category', 100),
      location: optionalString(q.location, 'location'),
      review: oneOf(q.review, REVIEW, 'review'),
      status: oneOf(q.status, STATUS, 'status'),
      scannedFrom: date(q.scannedFrom, 'scannedFrom'),
      scannedTo: date(q.scannedTo, 'scannedTo'),
      modifiedFrom: date(q.modifiedFrom, 'modifiedFrom'),
      modifiedTo: date(q.modifiedTo, 'modifiedTo'),
      sort: oneOf(q.sort, SORT, 'sort'),
      offset: integer(q.offset, 'offset', 0, 10_000_000) ?? 0,
      limit: integer(q.limit, 'limit', 1, 500) ?? 50,
      ...(source !== undefined ? { sourceId: source } : {}),
      ...(ids ? { ids } : {}),
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

/** The documents in a retention state (`due`: in the disposition queue today). */
async function retentionIds(ctx: ServerContext, state: (typeof RETENTION)[number]): Promise<number[]> {
  if (!ctx.retention) return [];
  if (state === 'due') return (await ctx.retention.due()).groups.flatMap((g) => g.items.map((i) => i.documentId));
  if (state === 'needs-trigger') return (await ctx.retention.needsTrigger()).map((d) => d.documentId);
  // Other states: from each document's schedule, for the documents the queue and the trigger list name.
  const queue = await ctx.retention.due();
  const all = queue.groups.flatMap((g) => g.items);
  return all.filter((d) => d.state === state).map((d) => d.documentId);
}
