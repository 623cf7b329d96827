import { pathToFileURL } from 'node:url';
import type { SourceRef } from '../../../connectors/connector.ts';
import type { ScheduledDocument } from '../../retention/types.ts';
import type { AuditEntry, DocumentError } from '../../store/store.ts';
import type { ReviewedDocument } from '../../store/web-store.ts';
import type { Finding } from '../../types.ts';

const encodePath = (location: string) => location.split('/').map(encodeURIComponent).join('/');

/**
 * Where a reviewer opens the document itself: a file URL for a folder; for a library or OneDrive, the drive's web
 * address and the document's path in it (what SharePoint itself links to); for a message, Outlook on the web's link
 * to it by id (the form of Graph's `webLink`), under the mailbox's web address. None where the source has no address.
 */
export function sourceLink(source: SourceRef, location: string, itemId?: string): string | undefined {
  if (source.kind === 'filesystem') return pathToFileURL(`${source.root}/${location}`).href;
  const base = source.webUrl ?? (/^https:\/\//.test(source.root) ? source.root : undefined);
  if (!base || !/^https:\/\//.test(base)) return undefined;
  if (source.kind === 'mail') return itemId ? `${base}?ItemID=${encodeURIComponent(itemId)}&exvsurl=1&viewmodel=ReadMessageItem` : undefined;
  return `${base.replace(/\/$/, '')}/${encodePath(location)}`;
}

/** A document in a list: no evidence (only the detail view, which is audited, shows it). */
export function documentSummary(doc: ReviewedDocument) {
  const c = doc.classification;
  return {
    id: doc.id,
    name: doc.name,
    location: doc.location,
    source: doc.source,
    status: doc.status,
    label: doc.review?.label ?? c?.label ?? null,
    documentType: doc.review?.documentType ?? c?.documentType ?? null,
    suggested: c ? { label: c.label, documentType: c.documentType, confidence: c.documentTypeConfidence } : null,
    categories: c?.categories ?? [],
    review: doc.review ?? { status: 'unreviewed' as const },
    size: doc.size,
    modified: doc.modified ?? null,
    scannedAt: doc.scannedAt,
    ...(doc.error ? { error: doc.error } : {}),
  };
}

function findingView(f: Finding) {
  return {
    category: f.category,
    detector: f.detector,
    count: f.count,
    confidence: f.confidence,
    evidence: f.evidence,
    explanation: f.explanation,
    ...(f.part ? { part: f.part } : {}),
  };
}

/** One document with its masked evidence, the reasons, retention and history. */
export function documentDetail(doc: ReviewedDocument, extra: { errors: DocumentError[]; history: AuditEntry[]; retention?: ScheduledDocument; ground?: string }) {
  const c = doc.classification;
  return {
    ...documentSummary(doc),
    sourceUrl: sourceLink(doc.source, doc.location, doc.itemId) ?? null,
    owner: doc.owner ?? null,
    findings: c?.findings.map(findingView) ?? [],
    hints: c?.hints.map(findingView) ?? [],
    reasons: c ? { label: c.labelReason, documentType: c.documentTypeReason } : null,
    format: c?.format ?? null,
    parts: c?.parts ?? [],
    warnings: c?.warnings ?? [],
    errors: extra.errors,
    retention: extra.retention
      ? {
          policy: extra.retention.policyId,
          ground: extra.ground ?? null,
          state: extra.retention.state,
          trigger: extra.retention.trigger,
          triggerDate: extra.retention.triggerDate ?? null,
          disposeAfter: extra.retention.disposeAfter ?? null,
          approvals: extra.retention.approvals,
          extendedUntil: extra.retention.extendedUntil ?? null,
        }
      : null,
    history: extra.history.map((e) => ({ at: e.at, actor: e.actor, action: e.action, ...(e.details ? { details: e.details } : {}) })),
  };
}
