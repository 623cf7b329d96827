import type { Review, ReviewedDocument } from '../web-store.ts';
import { documentOf, type DocumentRow } from './documents.ts';

/** A review's columns, aliased beside a document row's (`label`, `document_type` are the classifier's there). */
export interface ReviewColumns {
  review_status: Review['status'] | null;
  review_label: Review['label'] | null;
  review_type: string | null;
  reviewer: string | null;
  review_comment: string | null;
  reviewed_at: string | null;
}

export const REVIEW_COLUMNS = `r.status AS review_status, r.label AS review_label,
    r.document_type AS review_type, r.reviewer, r.comment AS review_comment, r.reviewed_at`;

export function reviewedOf(row: DocumentRow & ReviewColumns): ReviewedDocument {
  const doc: ReviewedDocument = documentOf(row);
  if (row.review_status) {
    doc.review = {
      status: row.review_status,
      label: row.review_label!,
      documentType: row.review_type!,
      reviewer: row.reviewer!,
      at: row.reviewed_at!,
      ...(row.review_comment ? { comment: row.review_comment } : {}),
    };
  }
  return doc;
}
