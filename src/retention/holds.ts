import { isBelow } from './schedule.ts';
import type { Hold, HoldScope, HoldSummary, ScheduledDocument } from './types.ts';

/** Does this hold cover the document? A location hold covers the folder and everything below it. */
export function holdCovers(scope: HoldScope, doc: Pick<ScheduledDocument, 'documentId' | 'sourceId' | 'location' | 'documentType' | 'label' | 'categories'>): boolean {
  switch (scope.kind) {
    case 'document':
      return scope.documentId === doc.documentId;
    case 'location':
      return (scope.sourceId === undefined || scope.sourceId === doc.sourceId) && isBelow(doc.location, scope.prefix);
    case 'search': {
      const f = scope.filter;
      return (f.label === undefined || f.label === doc.label) &&
        (f.documentType === undefined || f.documentType === doc.documentType) &&
        (f.category === undefined || (doc.categories as string[]).includes(f.category));
    }
  }
}

export function holdsOn(holds: readonly Hold[], doc: Parameters<typeof holdCovers>[1]): HoldSummary[] {
  return holds
    .filter((h) => h.releasedAt === undefined && holdCovers(h.scope, doc))
    .map((h) => ({ id: h.id, scope: h.scope, placedBy: h.placedBy, ...(h.comment ? { comment: h.comment } : {}) }));
}

/** A hold in a records manager's words. */
export function describeScope(scope: HoldScope): string {
  switch (scope.kind) {
    case 'document':
      return `document ${scope.documentId}`;
    case 'location':
      return `everything below ${scope.prefix || '(the whole source)'}${scope.sourceId !== undefined ? ` in source ${scope.sourceId}` : ''}`;
    case 'search':
      return `documents with ${Object.entries(scope.filter).map(([k, v]) => `${k} ${String(v)}`).join(' and ')}`;
  }
}
