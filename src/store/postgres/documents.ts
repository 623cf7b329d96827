import type { Item } from '../../../connectors/connector.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import { KNOWN_COLUMNS, knownOf, type KnownRow } from '../rows/index.ts';
import { sourceHashOf, type CursorUpdate, type DocumentRecord, type KnownDocument, type Store } from '../store.ts';
import type { Pg, Queryable } from './db.ts';

const UPSERT_CTE = `doc AS (
  INSERT INTO documents AS d (source_id, item_id, location, name, size, version, modified, owner, content_hash, source_hash,
    state, error_stage, error, scanned_at, last_seen_run)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
  ON CONFLICT (source_id, item_id) DO UPDATE SET
    location = excluded.location, name = excluded.name, size = excluded.size, version = excluded.version,
    modified = excluded.modified, owner = excluded.owner,
    content_hash = coalesce(excluded.content_hash, d.content_hash), source_hash = coalesce(excluded.source_hash, d.source_hash),
    state = CASE WHEN $16 THEN d.state ELSE excluded.state END,
    error_stage = CASE WHEN $16 THEN d.error_stage ELSE excluded.error_stage END,
    error = CASE WHEN $16 THEN d.error ELSE excluded.error END,
    scanned_at = CASE WHEN $16 THEN d.scanned_at ELSE excluded.scanned_at END,
    last_seen_run = excluded.last_seen_run, deleted_at = NULL
  RETURNING id)`;

/**
 * One statement per document (one round trip): the upsert, then what its outcome changes. The category rows are
 * touched disjointly (the ones no longer there deleted, the new ones inserted), as statements in one WITH see the
 * same snapshot.
 */
const CLASSIFIED = `WITH ${UPSERT_CTE},
  c AS (INSERT INTO classifications (document_id, label, document_type, document_type_confidence, label_reason,
      document_type_reason, format, categories, findings, hints, parts, warnings, run_id, classified_at)
    SELECT doc.id, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $15, $14 FROM doc
    ON CONFLICT (document_id) DO UPDATE SET label = excluded.label, document_type = excluded.document_type,
      document_type_confidence = excluded.document_type_confidence, label_reason = excluded.label_reason,
      document_type_reason = excluded.document_type_reason, format = excluded.format, categories = excluded.categories,
      findings = excluded.findings, hints = excluded.hints, parts = excluded.parts, warnings = excluded.warnings,
      run_id = excluded.run_id, classified_at = excluded.classified_at),
  gone AS (DELETE FROM document_categories k USING doc WHERE k.document_id = doc.id AND k.category <> ALL($28::text[]))
  INSERT INTO document_categories (document_id, category) SELECT doc.id, unnest($28::text[]) FROM doc ON CONFLICT DO NOTHING`;

const ERROR = `INSERT INTO document_errors (document_id, run_id, stage, reason, at) SELECT doc.id, $15, $12, $13, $14 FROM doc`;
const FETCH_FAILED = `WITH ${UPSERT_CTE} ${ERROR}`;
// Content that changed and cannot be read says nothing any more; a fetch error leaves the last reading standing.
const UNREADABLE = `WITH ${UPSERT_CTE},
  e AS (${ERROR}),
  c AS (DELETE FROM classifications k USING doc WHERE k.document_id = doc.id)
  DELETE FROM document_categories k USING doc WHERE k.document_id = doc.id`;

/** What a scan writes: one transaction per call, the run's progress cursor moving in the same transaction. */
export function documentMethods(db: Pg, hasher: KeyedHasher): Pick<Store, 'knownDocuments' | 'recordSeen' | 'recordDocuments' | 'recordRemoved'> {
  const now = () => new Date().toISOString();
  const sourceOfRun = new Map<number, number>();
  async function sourceOf(q: Queryable, runId: number): Promise<number> {
    let id = sourceOfRun.get(runId);
    if (id === undefined) {
      id = (await q.one<{ source_id: number }>('SELECT source_id FROM scan_runs WHERE id = $1', [runId]))?.source_id;
      if (id === undefined) throw new Error(`unknown scan run ${runId}`);
      sourceOfRun.set(runId, id);
    }
    return id;
  }
  async function cursorTo(q: Queryable, runId: number, cursor: CursorUpdate | undefined): Promise<void> {
    if (cursor) await q.run('UPDATE scan_runs SET cursor = $1 WHERE id = $2', [cursor.cursor, runId]);
  }
  const common = (item: Item) => [item.location, item.name, item.size];
  const meta = (item: Item) => [item.modified ?? null, item.owner ?? null];

  async function recordOne(q: Queryable, runId: number, record: DocumentRecord): Promise<void> {
    const { item, outcome } = record;
    const at = now();
    const error = outcome.kind === 'error' ? outcome : undefined;
    const values = [
      await sourceOf(q, runId), item.id, ...common(item), record.version, ...meta(item), record.contentHash ?? null,
      sourceHashOf(hasher, item) ?? null, error ? 'error' : 'classified', error?.stage ?? null, error?.reason ?? null, at, runId,
      outcome.kind === 'unchanged',
    ];
    if (outcome.kind === 'classified') {
      const c = outcome.classification;
      await q.run(CLASSIFIED, [...values, c.label, c.documentType, c.documentTypeConfidence, c.labelReason, c.documentTypeReason,
        c.format, JSON.stringify(c.categories), JSON.stringify(c.findings), JSON.stringify(c.hints), JSON.stringify(c.parts),
        JSON.stringify(c.warnings), c.categories]);
    } else if (error) {
      await q.run(error.stage === 'extract' ? UNREADABLE : FETCH_FAILED, values);
    } else {
      await q.run(`WITH ${UPSERT_CTE} SELECT 1`, values);
    }
  }

  return {
    async knownDocuments(sourceId, itemIds) {
      const result = new Map<string, KnownDocument>();
      if (itemIds.length === 0) return result;
      const rows = await db.rows<KnownRow>(`SELECT ${KNOWN_COLUMNS}
        FROM documents WHERE source_id = $1 AND item_id = ANY($2::text[])`, [sourceId, itemIds]);
      for (const row of rows) {
        result.set(row.item_id, knownOf(row));
      }
      return result;
    },
    async recordSeen(runId, items, cursor) {
      await db.tx(async (q) => {
        const source = await sourceOf(q, runId);
        for (const item of items) {
          await q.run(`UPDATE documents SET location = $1, name = $2, size = $3, version = $4, modified = $5, owner = $6,
              source_hash = coalesce($7, source_hash), last_seen_run = $8, deleted_at = NULL
            WHERE source_id = $9 AND item_id = $10`,
          [...common(item), item.version, ...meta(item), sourceHashOf(hasher, item) ?? null, runId, source, item.id]);
        }
        await cursorTo(q, runId, cursor);
      });
    },
    async recordDocuments(runId, records, cursor) {
      await db.tx(async (q) => {
        for (const record of records) await recordOne(q, runId, record);
        await cursorTo(q, runId, cursor);
      });
    },
    async recordRemoved(runId, ids, cursor) {
      return db.tx(async (q) => {
        const changes = ids.length
          ? await q.run('UPDATE documents SET deleted_at = $1 WHERE source_id = $2 AND deleted_at IS NULL AND item_id = ANY($3::text[])',
            [now(), await sourceOf(q, runId), ids])
          : 0;
        await cursorTo(q, runId, cursor);
        return changes;
      });
    },
  };
}
