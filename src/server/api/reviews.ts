import { Router } from 'express';
import { DOCTYPES } from '../../../classifiers/doctype/doctypes.ts';
import type { Label } from '../../types.ts';
import { requirePermission } from '../auth/authenticate.ts';
import { actorOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, notFound } from '../http-error.ts';
import { comment, idParam, ids as idList, label, optionalString } from './params.ts';

function documentType(value: unknown): string | undefined {
  const type = optionalString(value, 'documentType', 100);
  if (type !== undefined && !DOCTYPES.byId.has(type)) throw badRequest(`"documentType" is not a known document type: ${type}`);
  return type;
}

/**
 * The review verbs on label and type: confirm (no change) or correct. Each decision is audited with the person,
 * follows through to retention (a corrected type may mean another policy), and teaches the type model.
 */
export function reviewRoutes(ctx: ServerContext): Router {
  const router = Router();

  async function review(id: number, to: { label?: Label; documentType?: string }, actor: string, note: string | undefined) {
    const doc = await ctx.store.reviewedDocument(id);
    if (!doc?.classification) throw notFound(`document ${id} has no classification to review`);
    const before = { label: doc.review?.label ?? doc.classification.label, documentType: doc.review?.documentType ?? doc.classification.documentType };
    const after = { label: to.label ?? before.label, documentType: to.documentType ?? before.documentType };
    await ctx.store.recordReview({ documentId: id, ...after, reviewer: actor, ...(note ? { comment: note } : {}) });
    const corrected = after.label !== doc.classification.label || after.documentType !== doc.classification.documentType;
    await ctx.store.appendAudit({
      actor,
      action: corrected ? 'review.corrected' : 'review.confirmed',
      subject: `document:${id}`,
      details: { from: { label: doc.classification.label, documentType: doc.classification.documentType }, to: after, ...(note ? { comment: note } : {}) },
    });
    if (ctx.retention && (after.label !== before.label || after.documentType !== before.documentType)) {
      await ctx.retention.relabel([id], after, { actor, ...(note ? { comment: note } : {}) });
    }
    return { id, status: corrected ? 'corrected' : 'confirmed', ...after };
  }

  router.post('/documents/:id/review', requirePermission('review'), async (req, res) => {
    const id = idParam(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await review(id, { label: label(body.label), documentType: documentType(body.documentType) }, actorOf(req.principal!), comment(body.comment));
    ctx.learning.reviewed([id]);
    res.json(result);
  });

  /** Bulk: the same decision for many documents (confirm as they are, or set a label and/or type). */
  router.post('/reviews', requirePermission('review'), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const list = idList(body.ids);
    const to = { label: label(body.label), documentType: documentType(body.documentType) };
    const actor = actorOf(req.principal!);
    const note = comment(body.comment);
    const results = [];
    for (const id of list) {
      try {
        results.push({ ok: true, ...(await review(id, to, actor, note)) });
      } catch (error) {
        results.push({ id, ok: false, message: (error as Error).message });
      }
    }
    ctx.learning.reviewed(list);
    res.json({ results });
  });

  router.get('/document-types', requirePermission('read'), (_req, res) => {
    res.json({ documentTypes: DOCTYPES.types.map((t) => ({ id: t.id, label: t.defaultLabel, name: t.name })) });
  });

  router.get('/training', requirePermission('read'), async (_req, res) => {
    res.json(ctx.learning.status());
  });

  return router;
}
