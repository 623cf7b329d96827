import { locationFolder } from '../location-folder.ts';
import { documentOf, runOf, SOURCE_COLUMNS, type DocumentRow } from '../rows/index.ts';
import type { DocumentFilter, Stats, Store } from '../store.ts';
import type { Pg } from './db.ts';

const PAGE = 500;

function where(filter: DocumentFilter, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.status === 'deleted') clauses.push('d.deleted_at IS NOT NULL');
  else {
    clauses.push('d.deleted_at IS NULL');
    if (filter.status) add('d.state = ?', filter.status);
  }
  if (filter.label) add('c.label = ?', filter.label);
  if (filter.documentType) add('c.document_type = ?', filter.documentType);
  if (filter.category) add('EXISTS (SELECT 1 FROM document_categories k WHERE k.document_id = d.id AND k.category = ?)', filter.category);
  if (filter.sourceId !== undefined) add('d.source_id = ?', filter.sourceId);
  return clauses.join(' AND ');
}

/** Reading results: listing with filters, error history, counts. */
export function queryMethods(db: Pg): Pick<Store, 'listDocuments' | 'documentErrors' | 'stats'> {
  return {
    async *listDocuments(filter = {}) {
      const params: unknown[] = [];
      const sql = where(filter, params);
      const n = params.length;
      // In path order, a page at a time from where the last page ended (never a cursor held open: the caller may
      // write to the store between pages).
      const page = `SELECT c.*, ${SOURCE_COLUMNS}, d.* FROM documents d
        JOIN sources s ON s.id = d.source_id
        LEFT JOIN classifications c ON c.document_id = d.id
        WHERE ${sql} AND (d.source_id, d.location, d.id) > ($${n + 1}, $${n + 2}, $${n + 3})
        ORDER BY d.source_id, d.location, d.id LIMIT ${PAGE}`;
      let after: unknown[] = [0, '', 0];
      for (;;) {
        const rows = await db.rows<DocumentRow & { source_id: number }>(page, [...params, ...after]);
        for (const row of rows) yield documentOf(row);
        if (rows.length < PAGE) return;
        const last = rows[rows.length - 1]!;
        after = [last.source_id, last.location, last.id];
      }
    },

    async documentErrors(documentId) {
      const rows = await db.rows<{ run_id: number; stage: 'fetch' | 'extract'; reason: string; at: string }>(
        'SELECT run_id, stage, reason, at FROM document_errors WHERE document_id = $1 ORDER BY id DESC', [documentId]);
      return rows.map((r) => ({ runId: r.run_id, stage: r.stage, reason: r.reason, at: r.at }));
    },

    async stats(options = {}) {
      const depth = Math.max(0, options.locationDepth ?? 1);
      const count = async (sql: string) => (await db.one<{ n: number }>(sql))!.n;
      const grouped = async (sql: string) => Object.fromEntries((await db.rows<{ k: string; n: number }>(sql)).map((r) => [r.k, r.n]));
      const live = 'JOIN documents d ON d.id = c.document_id AND d.deleted_at IS NULL';
      // Grouped in the database (a million documents never cross the wire): under the source's title (else its root),
      // the folders cut to `depth` levels as locationFolder does, which then prefixes that name.
      const folders = await db.rows<{ root: string; folder: string; label: string | null; n: number }>(`
        SELECT coalesce(s.title, s.root) AS root, array_to_string((string_to_array(d.location, '/'))[1:least($1, cardinality(string_to_array(d.location, '/')) - 1)], '/') AS folder,
          c.label, count(*) AS n
        FROM documents d JOIN sources s ON s.id = d.source_id LEFT JOIN classifications c ON c.document_id = d.id
        WHERE d.deleted_at IS NULL GROUP BY 1, 2, 3`, [depth]);
      const byLocation = new Map<string, { location: string; documents: number; byLabel: Record<string, number> }>();
      for (const { root, folder, label, n } of folders) {
        const key = locationFolder(root, folder ? `${folder}/x` : 'x', depth);
        let entry = byLocation.get(key);
        if (!entry) byLocation.set(key, (entry = { location: key, documents: 0, byLabel: {} }));
        entry.documents += n;
        const bucket = label ?? 'error';
        entry.byLabel[bucket] = (entry.byLabel[bucket] ?? 0) + n;
      }
      const last = await db.one<Parameters<typeof runOf>[0]>('SELECT * FROM scan_runs ORDER BY id DESC LIMIT 1');
      const stats: Stats = {
        documents: await count('SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL'),
        errors: await count("SELECT count(*) AS n FROM documents WHERE deleted_at IS NULL AND state = 'error'"),
        deleted: await count('SELECT count(*) AS n FROM documents WHERE deleted_at IS NOT NULL'),
        byLabel: await grouped(`SELECT c.label AS k, count(*) AS n FROM classifications c ${live} GROUP BY c.label ORDER BY count(*) DESC, c.label`),
        byType: await grouped(`SELECT c.document_type AS k, count(*) AS n FROM classifications c ${live} GROUP BY 1 ORDER BY count(*) DESC, 1`),
        byCategory: await grouped(`SELECT c.category AS k, count(*) AS n FROM document_categories c ${live} GROUP BY 1 ORDER BY count(*) DESC, 1`),
        byLocation: [...byLocation.values()].sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0)),
        ...(last ? { lastRun: runOf(last) } : {}),
      };
      return stats;
    },
  };
}
