import type { Category, Finding, Label } from '../../types.ts';
import type { KnownDocument, StoredClassification, StoredDocument } from '../store.ts';
import { sourceRefOf, type SourceColumns } from './source-ref.ts';

/** A document row joined with its source and (left-joined) classification, as both stores select it. */
export interface DocumentRow extends SourceColumns {
  id: number;
  item_id: string;
  location: string;
  name: string;
  size: number;
  version: string;
  modified: string | null;
  owner: string | null;
  state: 'classified' | 'error';
  error: string | null;
  scanned_at: string;
  deleted_at: string | null;
  label: Label | null;
  document_type: string;
  document_type_confidence: number;
  label_reason: string;
  document_type_reason: string;
  format: string;
  categories: string;
  findings: string;
  hints: string;
  parts: string;
  warnings: string;
}

export function documentOf(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    source: sourceRefOf(row),
    itemId: row.item_id,
    location: row.location,
    name: row.name,
    size: row.size,
    version: row.version,
    ...(row.modified ? { modified: row.modified } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    status: row.deleted_at ? 'deleted' : row.state,
    scannedAt: row.scanned_at,
    ...(row.deleted_at ? { deletedAt: row.deleted_at } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.label
      ? {
          classification: {
            label: row.label,
            labelReason: row.label_reason,
            documentType: row.document_type,
            documentTypeConfidence: row.document_type_confidence,
            documentTypeReason: row.document_type_reason,
            categories: JSON.parse(row.categories) as Category[],
            findings: JSON.parse(row.findings) as Finding[],
            hints: JSON.parse(row.hints) as Finding[],
            format: row.format,
            parts: JSON.parse(row.parts) as StoredClassification['parts'],
            warnings: JSON.parse(row.warnings) as string[],
          },
        }
      : {}),
  };
}

/** The columns a scan compares an item against (`knownDocuments`). */
export interface KnownRow {
  id: number;
  item_id: string;
  location: string;
  size: number;
  version: string;
  content_hash: string | null;
  source_hash: string | null;
  state: 'classified' | 'error';
  error_stage: 'fetch' | 'extract' | null;
  deleted_at: string | null;
}

export const KNOWN_COLUMNS = 'id, item_id, location, size, version, content_hash, source_hash, state, error_stage, deleted_at';

export function knownOf(row: KnownRow): KnownDocument {
  return {
    id: row.id,
    location: row.location,
    size: row.size,
    version: row.version,
    ...(row.content_hash ? { contentHash: row.content_hash } : {}),
    ...(row.source_hash ? { sourceHash: row.source_hash } : {}),
    state: row.state,
    ...(row.error_stage ? { errorStage: row.error_stage } : {}),
    deleted: row.deleted_at !== null,
  };
}
