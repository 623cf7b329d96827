import type { SourceRef } from '../../../connectors/connector.ts';

/**
 * The source columns every document query selects (aliased: `title` would be ambiguous beside a document's columns),
 * and the SourceRef built from them, so each place that reads a document shows the source the same way.
 */
export const SOURCE_COLUMNS = 's.kind, s.root, s.title AS source_title, s.web_url AS source_web_url';

export interface SourceColumns {
  kind: string;
  root: string;
  source_title: string | null;
  source_web_url: string | null;
}

export function sourceRefOf(row: SourceColumns): SourceRef {
  return {
    kind: row.kind,
    root: row.root,
    ...(row.source_title ? { title: row.source_title } : {}),
    ...(row.source_web_url ? { webUrl: row.source_web_url } : {}),
  };
}
