import { Router } from 'express';
import { requirePermission } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { integer } from './params.ts';

/** The audit log for auditors and administrators: who looked at what, who decided what. */
export function auditRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get('/audit', requirePermission('audit'), async (req, res) => {
    const after = integer(req.query.after, 'after', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const limit = integer(req.query.limit, 'limit', 1, 5000) ?? 500;
    res.json({ entries: await ctx.store.audit({ after, limit }) });
  });
  return router;
}
