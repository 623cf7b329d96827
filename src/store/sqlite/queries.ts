import { locationFolder } from '../location-folder.ts';
import { documentOf, runOf, SOURCE_COLUMNS, type DocumentRow } from '../rows/index.ts';
import type { DocumentFilter, Stats, Store } from '../store.ts';
import type { Db } from './open.ts';

const PAGE = 500;

function where(filter: DocumentFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.status === 'deleted') clauses.push('d.deleted_at IS NOT NULL');
  else {
    clauses.push('d.deleted_at IS NULL');
    if (filter.status) {
      clauses.push('d.state = @status');
      params.status = filter.status;
    }
  }
  if (filter.label) {
    clauses.push('c.label = @label');
    params.label = filter.label;
  }
  if (filter.documentType) {
    clauses.push('c.document_type = @documentType');
    params.documentType = filter.documentType;
  }
  if (filter.category) {
    clauses.push('EXISTS (SELECT 1 FROM document_categories k WHERE k.document_id = d.id AND k.category = @category)');
    params.category = filter.category;
  }
  if (filter.sourceId !== undefined) {
    clauses.push('d.source_id = @sourceId');
    params.sourceId = filter.sourceId;
  }
  return { sql: clauses.join(' AND '), params };
}

/** Reading results: listing with filters, error history, counts. */
export function queryMethods(db: Db): Pick<Store, 'listDocuments' | 'documentErrors' | 'stats'> {
  return {
    async *listDocuments(filter = {}) {
      const { sql, params } = where(filter);
      // In path order, a page at a time from where the last page ended (never a cursor held open: the caller may
      // write to the store between pages).
      const page = db.prepare<[Record<string, unknown>], DocumentRow & { source_id: number }>(`
        SELECT c.*, ${SOURCE_COLUMNS}, d.* FROM documents d
        JOIN sources s ON s.id = d.source_id
        LEFT JOIN classifications c ON c.document_id = d.id
        WHERE ${sql} AND (d.source_id, d.location, d.id) > (@source, @location, @id)
        ORDER BY d.source_id, d.location, d.id LIMIT ${PAGE}`);
      let after = { source: 0, location: '', id: 0 };
      for (;;) {
        const rows = page.all({ ...params, ...after });
        for (const row of rows) yield documentOf(row);
        if (rows.length < PAGE) return;
        const last = rows[rows.length - 1]!;
        after = { source: last.source_id, location: last.location, id: last.id };
      }
    },

    async documentErrors(documentId) {
      return db
        .prepare<[number], { run_id: number; stage: 'fetch' | 'extract'; reason: string; at: string }>(
          'SELECT run_id, stage, reason, at FROM document_errors WHERE document_id = ? ORDER BY id DESC',
        )
        .all(documentId)
        .map((r) => ({ runId: r.run_id, stage: r.stage, reason: r.reason, at: r.at }));
    },

    async stats(options = {}) {
      const depth = Math.max(0, options.locationDepth ?? 1);
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      const grouped = (sql: string) =>
        Object.fromEntries((db.prepare(sql).raw().all() as [string, number][]).map(([k, n]) => [k, n]));
      const live = 'JOIN documents d ON d.id = c.document_id AND d.deleted_at IS NULL';
      const byLocation = new Map<string, { location: string; documents: number; byLabel: Record<string, number> }>();
      // Under the source's title where it has one: a drive id means nothing to the person reading the overview.
      const rows = db.prepare(`SELECT coalesce(s.title, s.root), d.location, c.label FROM documents d JOIN sources s ON s.id = d.source_id
        LEFT JOIN classifications c ON c.document_id = d.id WHERE d.deleted_at IS NULL`).raw().iterate() as Iterable<[string, string, string | null]>;
      for (const [root, location, label] of rows) {
        const key = locationFolder(root, location, depth);
        let entry = byLocation.get(key);
        if (!entry) byLocation.set(key, (entry = { location: key, documents: 0, byLabel: {} }));
        entry.documents++;
        const bucket = label ?? 'error';
        entry.byLabel[bucket] = (entry.byLabel[bucket] ?? 0) + 1;
      }
      const last = db.prepare('SELECT * FROM scan_runs ORDER BY id DESC LIMIT 1').get() as Parameters<typeof runOf>[0] | undefined;
      const stats: Stats = {
        documents: count('SELECT count(*) FROM documents WHERE deleted_at IS NULL'),
        errors: count("SELECT count(*) FROM documents WHERE deleted_at IS NULL AND state = 'error'"),
        deleted: count('SELECT count(*) FROM documents WHERE deleted_at IS NOT NULL'),
        byLabel: grouped(`SELECT c.label, count(*) FROM classifications c ${live} GROUP BY c.label ORDER BY count(*) DESC, c.label`),
        byType: grouped(`SELECT c.document_type, count(*) FROM classifications c ${live} GROUP BY 1 ORDER BY count(*) DESC, 1`),
        byCategory: grouped(`SELECT c.category, count(*) FROM document_categories c ${live} GROUP BY 1 ORDER BY count(*) DESC, 1`),
        byLocation: [...byLocation.values()].sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0)),
        ...(last ? { lastRun: runOf(last) } : {}),
      };
      return stats;
    },
  };
}
