import { Router } from 'express';
import { requirePermission } from '../auth/authenticate.ts';
import { actorOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, notFound } from '../http-error.ts';
import type { JobEvent, ScanJob } from '../scans/jobs.ts';
import { idParam } from './params.ts';

/** A job as the API shows it (targets are folders or tenant ids, never document content). */
function jobView(job: ScanJob) {
  return { ...job };
}

/** Scans: what can be scanned, start one, follow it live (Server-Sent Events), stop it, history. */
export function scanRoutes(ctx: ServerContext): Router {
  const router = Router();

  router.get('/scans', requirePermission('read'), async (_req, res) => {
    const sources = await ctx.store.sources();
    const runs = (await ctx.store.runs()).slice(-50).reverse();
    const root = new Map(sources.map((s) => [s.id, s]));
    res.json({
      targets: await ctx.launcher.targets(),
      jobs: ctx.scans.recent().map(jobView),
      runs: runs.map((r) => ({ ...r, source: root.get(r.sourceId) ?? null, cursor: undefined })),
    });
  });

  router.post('/scans', requirePermission('scan'), async (req, res) => {
    const body = (req.body ?? {}) as { targets?: unknown };
    let targets: string[] | undefined;
    if (body.targets !== undefined) {
      if (!Array.isArray(body.targets) || !body.targets.length || !body.targets.every((t) => typeof t === 'string')) {
        throw badRequest('"targets" must list target ids from GET /api/v1/scans (or be left out for all)');
      }
      const known = new Set((await ctx.launcher.targets()).map((t) => t.id));
      if (!body.targets.every((t: string) => known.has(t))) throw badRequest('a scan target is not one this server can scan');
      targets = body.targets as string[];
    } else if (!(await ctx.launcher.targets()).length) {
      throw badRequest('nothing to scan: start the server with --folder PATH or configure "folders"');
    }
    const actor = actorOf(req.principal!);
    const job = ctx.scans.start(targets, actor);
    await ctx.store.appendAudit({ actor, action: 'scan.requested', details: { job: job.id, targets: job.targets } });
    res.status(202).location(`/api/v1/scans/${job.id}`).json(jobView(job));
  });

  router.get('/scans/:id', requirePermission('read'), (req, res) => {
    const job = ctx.scans.job(idParam(req.params.id));
    if (!job) throw notFound('no scan job with this id');
    res.json(jobView(job));
  });

  router.post('/scans/:id/stop', requirePermission('scan'), async (req, res) => {
    const id = idParam(req.params.id);
    if (!ctx.scans.stop(id)) throw notFound('no running scan job with this id');
    await ctx.store.appendAudit({ actor: actorOf(req.principal!), action: 'scan.stop-requested', details: { job: id } });
    res.status(202).json({ stopping: id });
  });

  /** Live progress: `progress` events while it runs, one `done` event at the end (also for a finished job). */
  router.get('/scans/:id/events', requirePermission('read'), (req, res) => {
    const job = ctx.scans.job(idParam(req.params.id));
    if (!job) throw notFound('no scan job with this id');
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    const send = (event: JobEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(jobView(event.job))}\n\n`);
    if (job.status !== 'running') {
      send({ type: 'done', job });
      res.end();
      return;
    }
    send({ type: 'progress', job });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const unsubscribe = ctx.scans.subscribe(job.id, (event) => {
      send(event);
      if (event.type === 'done') res.end();
    });
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}
