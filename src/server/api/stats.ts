import { Router } from 'express';
import { requirePermission } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { integer } from './params.ts';

/** Counts for the overview: per label, type, category and location, the review backlog and what is due. */
export function statsRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get('/stats', requirePermission('read'), async (req, res) => {
    const depth = integer(req.query.depth, 'depth', 0, 10) ?? 1;
    const stats = await ctx.store.stats({ locationDepth: depth });
    const count = async (review: 'unreviewed' | 'reviewed', label?: 'bijzonder') =>
      (await ctx.store.findDocuments({ review, status: 'classified', limit: 1, ...(label ? { label } : {}) })).total;
    const due = ctx.retention ? await ctx.retention.due() : undefined;
    res.json({
      ...stats,
      review: { unreviewed: await count('unreviewed'), unreviewedBijzonder: await count('unreviewed', 'bijzonder'), reviewed: await count('reviewed') },
      due: due
        ? { today: due.today, documents: due.groups.reduce((n, g) => n + g.items.length, 0), needsTrigger: due.needsTrigger, byPolicy: due.groups.map((g) => ({ policy: g.policy.id, name: g.policy.name, documents: g.items.length })) }
        : null,
      training: ctx.learning.status(),
    });
  });
  return router;
}
