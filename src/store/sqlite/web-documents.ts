import {
  auditEntryOf, CURRENT_LABEL, CURRENT_TYPE, DOCUMENTS_ORDER, DOCUMENTS_SELECT, reviewedOf, SOURCE_COLUMNS, sourceRefOf, type AuditRow, type DocumentRow, type ReviewColumns,
  type SourceColumns,
} from '../rows/index.ts';
import type { DocumentQuery, WebStore } from '../web-store.ts';
import type { Db } from './open.ts';


function where(q: DocumentQuery): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined || value === '') return;
    clauses.push(clause);
    params[name] = value;
  };
  if (q.status === 'deleted') clauses.push('d.deleted_at IS NOT NULL');
  else {
    clauses.push('d.deleted_at IS NULL');
    add('d.state = @status', 'status', q.status);
  }
  add(`${CURRENT_LABEL} = @label`, 'label', q.label);
  add(`${CURRENT_TYPE} = @documentType`, 'documentType', q.documentType);
  add('EXISTS (SELECT 1 FROM document_categories k WHERE k.document_id = d.id AND k.category = @category)', 'category', q.category);
  add('d.source_id = @sourceId', 'sourceId', q.sourceId);
  // A prefix match without LIKE's wildcards: `%` and `_` in folder names are ordinary characters.
  add('substr(d.location, 1, length(@location)) = @location', 'location', q.location);
  add('d.scanned_at >= @scannedFrom', 'scannedFrom', q.scannedFrom);
  add('d.scanned_at < @scannedTo', 'scannedTo', q.scannedTo);
  add('d.modified >= @modifiedFrom', 'modifiedFrom', q.modifiedFrom);
  add('d.modified < @modifiedTo', 'modifiedTo', q.modifiedTo);
  if (q.ids) add('d.id IN (SELECT value FROM json_each(@ids))', 'ids', JSON.stringify(q.ids));
  add('EXISTS (SELECT 1 FROM retention_schedule s WHERE s.document_id = d.id AND s.state = @retention)', 'retention', q.retention);
  if (q.review === 'unreviewed') clauses.push('r.status IS NULL AND c.label IS NOT NULL');
  else if (q.review === 'reviewed') clauses.push('r.status IS NOT NULL');
  else add('r.status = @review', 'review', q.review);
  return { sql: clauses.join(' AND '), params };
}

type DocumentMethods = Pick<WebStore, 'findDocuments' | 'reviewedDocument' | 'recordReview' | 'trainingExamples' | 'auditOf' | 'sources' | 'saveTrainingVector' | 'hasTrainingVector'>;

/** The review queue's reads and the reviewers' decisions. */
export function webDocumentMethods(db: Db): DocumentMethods {
  return {
    async findDocuments(query) {
      const { sql, params } = where(query);
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
      const offset = Math.max(query.offset ?? 0, 0);
      const total = db.prepare(`SELECT count(*) FROM documents d LEFT JOIN classifications c ON c.document_id = d.id
        LEFT JOIN reviews r ON r.document_id = d.id WHERE ${sql}`).pluck().get(params) as number;
      const rows = db
        .prepare<[Record<string, unknown>], DocumentRow & ReviewColumns>(`${DOCUMENTS_SELECT} WHERE ${sql} ORDER BY ${DOCUMENTS_ORDER[query.sort ?? 'location']} LIMIT ${limit} OFFSET ${offset}`)
        .all(params);
      return { total, documents: rows.map(reviewedOf) };
    },
    async reviewedDocument(id) {
      const row = db.prepare<[number], DocumentRow & ReviewColumns>(`${DOCUMENTS_SELECT} WHERE d.id = ?`).get(id);
      return row ? reviewedOf(row) : undefined;
    },
    async recordReview(review) {
      db.transaction(() => {
        const current = db.prepare<[number], { label: string; document_type: string }>('SELECT label, document_type FROM classifications WHERE document_id = ?').get(review.documentId);
        if (!current) throw new Error(`document ${review.documentId} has no classification to review`);
        const status = current.label === review.label && current.document_type === review.documentType ? 'confirmed' : 'corrected';
        const at = new Date().toISOString();
        db.prepare(`INSERT OR REPLACE INTO reviews (document_id, status, label, document_type, reviewer, comment, reviewed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`).run(review.documentId, status, review.label, review.documentType, review.reviewer, review.comment ?? null, at);
        db.prepare('UPDATE doctype_training SET document_type = ? WHERE document_id = ?').run(review.documentType, review.documentId);
      })();
    },
    async saveTrainingVector(documentId, features) {
      // Every reviewed document teaches the type model, confirmed ones too (they anchor what was right), with the
      // type the reviewer gave it: only reviewed documents train it.
      const info = db.prepare(`INSERT OR REPLACE INTO doctype_training (document_id, document_type, features, reviewed_at)
        SELECT document_id, document_type, ?, reviewed_at FROM reviews WHERE document_id = ?`).run(JSON.stringify(features), documentId);
      if (!info.changes) throw new Error(`document ${documentId} has not been reviewed`);
    },
    async hasTrainingVector(documentId) {
      return db.prepare('SELECT 1 FROM doctype_training WHERE document_id = ?').get(documentId) !== undefined;
    },
    async trainingExamples() {
      return db
        .prepare<[], { document_id: number; document_type: string; features: string }>('SELECT * FROM doctype_training ORDER BY document_id')
        .all()
        .map((r) => ({ documentId: r.document_id, documentType: r.document_type, features: JSON.parse(r.features) as Record<string, number> }));
    },
    async auditOf(subject, limit = 500) {
      return db
        .prepare<[string, number], AuditRow>('SELECT * FROM audit_log WHERE subject = ? ORDER BY seq LIMIT ?')
        .all(subject, limit)
        .map(auditEntryOf);
    },
    async sources() {
      return db.prepare<[], SourceColumns & { id: number }>(`SELECT s.id, ${SOURCE_COLUMNS} FROM sources s ORDER BY s.id`).all()
        .map((row) => ({ id: row.id, ...sourceRefOf(row) }));
    },
  };
}
