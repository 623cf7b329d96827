import type { DocumentQuery } from '../web-store.ts';
import { REVIEW_COLUMNS } from './reviews.ts';
import { SOURCE_COLUMNS } from './source-ref.ts';

/**
 * The documents-with-reviews query both stores run: the same SQL in SQLite and PostgreSQL (only parameter markers
 * differ, and those stay with each store).
 */
export const DOCUMENTS_SELECT = `SELECT c.*, ${SOURCE_COLUMNS}, d.*, ${REVIEW_COLUMNS}
  FROM documents d JOIN sources s ON s.id = d.source_id
  LEFT JOIN classifications c ON c.document_id = d.id
  LEFT JOIN reviews r ON r.document_id = d.id`;

/** The label and type as they stand: the reviewer's where there is a review, else the classifier's. */
export const CURRENT_LABEL = 'coalesce(r.label, c.label)';
export const CURRENT_TYPE = 'coalesce(r.document_type, c.document_type)';

export const DOCUMENTS_ORDER: Record<NonNullable<DocumentQuery['sort']>, string> = {
  priority: `(r.status IS NOT NULL), CASE ${CURRENT_LABEL} WHEN 'bijzonder' THEN 0 WHEN 'generiek' THEN 1 WHEN 'geen' THEN 2 ELSE 3 END, d.source_id, d.location, d.id`,
  location: 'd.source_id, d.location, d.id',
  scanned: 'd.scanned_at DESC, d.id DESC',
};
