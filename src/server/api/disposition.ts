import { Router, type Request } from 'express';
import type { HoldScope, Retention } from '../../retention/types.ts';
import { requirePermission } from '../auth/authenticate.ts';
import { actorOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, HttpError } from '../http-error.ts';
import { comment, idParam, ids, integer, label, optionalString, requiredDate } from './params.ts';

function need(ctx: ServerContext): Retention {
  if (!ctx.retention) throw new HttpError(503, 'no-retention', 'retention is not available on this server');
  return ctx.retention;
}

function decision(req: Request) {
  const note = comment((req.body as Record<string, unknown> | undefined)?.comment);
  return { actor: actorOf(req.principal!), ...(note ? { comment: note } : {}) };
}

function holdScope(value: unknown): HoldScope {
  const s = (value ?? {}) as Record<string, unknown>;
  if (s.kind === 'document') return { kind: 'document', documentId: idParam(s.documentId) };
  if (s.kind === 'location') {
    const prefix = optionalString(s.prefix, 'scope.prefix');
    if (prefix === undefined) throw badRequest('"scope.prefix" is required for a location hold');
    const sourceId = integer(s.sourceId, 'scope.sourceId', 1, Number.MAX_SAFE_INTEGER);
    return { kind: 'location', prefix, ...(sourceId !== undefined ? { sourceId } : {}) };
  }
  if (s.kind === 'search') {
    const f = (s.filter ?? {}) as Record<string, unknown>;
    const filter = { label: label(f.label, 'scope.filter.label'), documentType: optionalString(f.documentType, 'scope.filter.documentType', 100), category: optionalString(f.category, 'scope.filter.category', 100) };
    if (!filter.label && !filter.documentType && !filter.category) throw badRequest('a search hold needs a label, type or category');
    return { kind: 'search', filter };
  }
  throw badRequest('"scope.kind" must be document, location or search');
}

/**
 * The disposition review (Purview's model): the due queue grouped by policy, the verbs approve / extend / relabel /
 * set trigger with a comment each, holds, the purge job and the disposal log (JSON, CSV). Retention does the work
 * and the audit; these routes check roles and input.
 */
export function dispositionRoutes(ctx: ServerContext): Router {
  const router = Router();
  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

  router.get('/disposition', requirePermission('read'), async (_req, res) => {
    const queue = await need(ctx).due();
    res.json(queue);
  });
  router.get('/disposition/needs-trigger', requirePermission('read'), async (_req, res) => {
    res.json({ documents: await need(ctx).needsTrigger() });
  });
  router.post('/disposition/approve', requirePermission('dispose'), async (req, res) => {
    res.json({ results: await need(ctx).approve(ids(body(req).ids), decision(req)) });
  });
  router.post('/disposition/extend', requirePermission('dispose'), async (req, res) => {
    res.json({ results: await need(ctx).extend(ids(body(req).ids), requiredDate(body(req).until, 'until'), decision(req)) });
  });
  router.post('/disposition/relabel', requirePermission('dispose'), async (req, res) => {
    const b = body(req);
    const to = { label: label(b.label), documentType: optionalString(b.documentType, 'documentType', 100) };
    if (!to.label && !to.documentType) throw badRequest('give "label" and/or "documentType"');
    res.json({ results: await need(ctx).relabel(ids(b.ids), to, decision(req)) });
  });
  router.post('/disposition/trigger', requirePermission('dispose'), async (req, res) => {
    const b = body(req);
    const prefix = optionalString(b.location, 'location');
    const target = b.ids !== undefined ? { documentIds: ids(b.ids) } : prefix !== undefined ? { location: { prefix } } : undefined;
    if (!target) throw badRequest('give "ids" or "location"');
    const event = optionalString(b.event, 'event', 100);
    res.json({ results: await need(ctx).setTrigger(target, requiredDate(b.date, 'date'), { ...decision(req), ...(event ? { event } : {}) }) });
  });

  router.get('/holds', requirePermission('read'), async (req, res) => {
    res.json({ holds: await need(ctx).holds({ active: req.query.all !== 'true' }) });
  });
  router.post('/holds', requirePermission('dispose'), async (req, res) => {
    res.status(201).json(await need(ctx).hold(holdScope(body(req).scope), decision(req)));
  });
  router.post('/holds/:id/release', requirePermission('dispose'), async (req, res) => {
    res.json(await need(ctx).release(idParam(req.params.id), decision(req)));
  });

  router.post('/purge', requirePermission('dispose'), async (req, res) => {
    const b = body(req);
    const summary = await need(ctx).purge({
      dryRun: b.dryRun === true,
      connectorFor: (source) => ctx.launcher.connectorFor(source),
      actor: actorOf(req.principal!),
      ...(integer(b.limit, 'limit', 1, 100_000) !== undefined ? { limit: integer(b.limit, 'limit', 1, 100_000)! } : {}),
    });
    res.json(summary);
  });

  router.get('/disposals', requirePermission('read'), async (req, res) => {
    const after = integer(req.query.after, 'after', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const limit = integer(req.query.limit, 'limit', 1, 10_000) ?? 500;
    res.json({ disposals: await need(ctx).disposals({ after, limit }) });
  });
  router.get('/disposals/verify', requirePermission('read'), async (_req, res) => {
    res.json(await need(ctx).verifyLog());
  });
  router.get('/disposals.csv', requirePermission('read'), async (req, res) => {
    const { disposalsCsv } = await import('../../retention/index.ts');
    const records = await need(ctx).disposals({ limit: 1_000_000 });
    await ctx.store.appendAudit({ actor: actorOf(req.principal!), action: 'disposals.exported', details: { entries: records.length } });
    res.type('text/csv; charset=utf-8').attachment(`verwijderd-${new Date().toISOString().slice(0, 10)}.csv`).send(disposalsCsv(records));
  });
  return router;
}
