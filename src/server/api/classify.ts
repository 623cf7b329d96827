import { basename } from 'node:path';
import express, { Router } from 'express';
import { classifyDocument } from '../../classify-document.ts';
import { contractOf } from '../../cli/contract.ts';
import { ExtractionError } from '../../extract/types.ts';
import { retentionForFile } from '../../retention/contract.ts';
import { requirePermission } from '../auth/authenticate.ts';
import { actorOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, HttpError } from '../http-error.ts';
import { firstFile, type UploadedFile } from './multipart.ts';

/** A file name from a header (`X-File-Name`, percent-encoded), never from the URL: names often name people. */
function headerName(value: unknown): string {
  if (typeof value !== 'string' || !value) return 'upload';
  try {
    return basename(decodeURIComponent(value)).slice(0, 255) || 'upload';
  } catch {
    throw badRequest('"X-File-Name" is not valid percent-encoding');
  }
}

/**
 * POST /api/v1/classify: one file in (multipart, or the raw body with its name in X-File-Name), the classify
 * contract out. Nothing is stored; the audit log records who asked, the size and the label — not the name.
 */
export function classifyRoutes(ctx: ServerContext): Router {
  const router = Router();
  const body = express.raw({ type: () => true, limit: ctx.config.maxUploadBytes });
  router.post('/classify', requirePermission('read'), body, async (req, res) => {
    const raw = req.body as unknown;
    if (!Buffer.isBuffer(raw) || raw.length === 0) throw badRequest('send the file as the request body or as a multipart form field');
    const type = String(req.headers['content-type'] ?? '');
    const file: UploadedFile = type.startsWith('multipart/form-data') ? firstFile(raw, type) : { name: headerName(req.headers['x-file-name']), bytes: new Uint8Array(raw) };
    await ctx.learning.settled(); // the latest reviews' retraining counts for this classification
    let result;
    try {
      result = await classifyDocument(file.bytes, file.name, { classifyText: ctx.trainer.classifier() });
    } catch (error) {
      if (error instanceof ExtractionError) throw new HttpError(422, 'unreadable', `the file cannot be read: ${error.message}`);
      throw error;
    }
    const contract = contractOf(file.name, { ...result, format: result.kind });
    // As `bewaarder classify` does, counted from now: an uploaded file has no modified time of its own.
    const retention = ctx.retention ? retentionForFile(result, new Date(), ctx.retention.policies) : undefined;
    await ctx.store.appendAudit({ actor: actorOf(req.principal!), action: 'classify', details: { bytes: file.bytes.length, label: result.label, documentType: result.documentType } });
    res.json({ ...contract, ...(retention ? { retention } : {}) });
  });
  return router;
}
