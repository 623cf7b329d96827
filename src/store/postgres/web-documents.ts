import {
  auditEntryOf, CURRENT_LABEL, CURRENT_TYPE, DOCUMENTS_ORDER, DOCUMENTS_SELECT, reviewedOf, SOURCE_COLUMNS, sourceRefOf, type AuditRow, type DocumentRow, type ReviewColumns,
  type SourceColumns,
} from '../rows/index.ts';
import type { DocumentQuery, WebStore } from '../web-store.ts';
import type { Pg } from './db.ts';


function where(q: DocumentQuery, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (clause: string, value: unknown) => {
    if (value === undefined || value === '') return;
    params.push(value);
    clauses.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (q.status === 'deleted') clauses.push('d.deleted_at IS NOT NULL');
  else {
    clauses.push('d.deleted_at IS NULL');
    add('d.state = ?', q.status);
  }
  add(`${CURRENT_LABEL} = ?`, q.label);
  add(`${CURRENT_TYPE} = ?`, q.documentType);
  add('EXISTS (SELECT 1 FROM document_categories k WHERE k.document_id = d.id AND k.category = ?)', q.category);
  add('d.source_id = ?', q.sourceId);
  // A prefix match without LIKE's wildcards: `%` and `_` in folder names are ordinary characters.
  add('left(d.location, length(?::text)) = ?', q.location);
  add('d.scanned_at >= ?', q.scannedFrom);
  add('d.scanned_at < ?', q.scannedTo);
  add('d.modified >= ?', q.modifiedFrom);
  add('d.modified < ?', q.modifiedTo);
  if (q.ids) add('d.id = ANY(?::bigint[])', q.ids);
  add('EXISTS (SELECT 1 FROM retention_schedule s WHERE s.document_id = d.id AND s.state = ?)', q.retention);
  if (q.review === 'unreviewed') clauses.push('r.status IS NULL AND c.label IS NOT NULL');
  else if (q.review === 'reviewed') clauses.push('r.status IS NOT NULL');
  else add('r.status = ?', q.review);
  return clauses.join(' AND ');
}

type DocumentMethods = Pick<WebStore, 'findDocuments' | 'reviewedDocument' | 'recordReview' | 'trainingExamples' | 'auditOf' | 'sources' | 'saveTrainingVector' | 'hasTrainingVector'>;

/** The review queue's reads and the reviewers' decisions. */
export function webDocumentMethods(db: Pg): DocumentMethods {
  return {
    async findDocuments(query) {
      const params: unknown[] = [];
      const sql = where(query, params);
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 500);
      const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
      const total = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM documents d LEFT JOIN classifications c ON c.document_id = d.id
        LEFT JOIN reviews r ON r.document_id = d.id WHERE ${sql}`, params))!.n;
      const rows = await db.rows<DocumentRow & ReviewColumns>(
        `${DOCUMENTS_SELECT} WHERE ${sql} ORDER BY ${DOCUMENTS_ORDER[query.sort ?? 'location']} LIMIT ${limit} OFFSET ${offset}`, params);
      return { total, documents: rows.map(reviewedOf) };
    },
    async reviewedDocument(id) {
      const row = await db.one<DocumentRow & ReviewColumns>(`${DOCUMENTS_SELECT} WHERE d.id = $1`, [id]);
      return row ? reviewedOf(row) : undefined;
    },
    async recordReview(review) {
      await db.tx(async (q) => {
        const current = await q.one<{ label: string; document_type: string }>(
          'SELECT label, document_type FROM classifications WHERE document_id = $1 FOR UPDATE', [review.documentId]);
        if (!current) throw new Error(`document ${review.documentId} has no classification to review`);
        const status = current.label === review.label && current.document_type === review.documentType ? 'confirmed' : 'corrected';
        await q.run(`INSERT INTO reviews (document_id, status, label, document_type, reviewer, comment, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
          ON CONFLICT (document_id) DO UPDATE SET status = excluded.status, label = excluded.label, document_type = excluded.document_type,
            reviewer = excluded.reviewer, comment = excluded.comment, reviewed_at = excluded.reviewed_at`,
        [review.documentId, status, review.label, review.documentType, review.reviewer, review.comment ?? null, new Date().toISOString()]);
        await q.run('UPDATE doctype_training SET document_type = $1 WHERE document_id = $2', [review.documentType, review.documentId]);
      });
    },
    async saveTrainingVector(documentId, features) {
      // Every reviewed document teaches the type model, confirmed ones too, with the type the reviewer gave it.
      const changed = await db.run(`INSERT INTO doctype_training (document_id, document_type, features, reviewed_at)
        SELECT document_id, document_type, $1, reviewed_at FROM reviews WHERE document_id = $2
        ON CONFLICT (document_id) DO UPDATE SET document_type = excluded.document_type, features = excluded.features,
          reviewed_at = excluded.reviewed_at`, [JSON.stringify(features), documentId]);
      if (!changed) throw new Error(`document ${documentId} has not been reviewed`);
    },
    async hasTrainingVector(documentId) {
      return (await db.one('SELECT 1 FROM doctype_training WHERE document_id = $1', [documentId])) !== undefined;
    },
    async trainingExamples() {
      const rows = await db.rows<{ document_id: number; document_type: string; features: string }>('SELECT * FROM doctype_training ORDER BY document_id');
      return rows.map((r) => ({ documentId: r.document_id, documentType: r.document_type, features: JSON.parse(r.features) as Record<string, number> }));
    },
    async auditOf(subject, limit = 500) {
      return (await db.rows<AuditRow>('SELECT * FROM audit_log WHERE subject = $1 ORDER BY seq LIMIT $2', [subject, limit])).map(auditEntryOf);
    },
    async sources() {
      const rows = await db.rows<SourceColumns & { id: number }>(`SELECT s.id, ${SOURCE_COLUMNS} FROM sources s ORDER BY s.id`);
      return rows.map((row) => ({ id: row.id, ...sourceRefOf(row) }));
    },
  };
}
