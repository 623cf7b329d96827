import type { Item } from '../../../connectors/connector.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import { KNOWN_COLUMNS, knownOf, type KnownRow } from '../rows/index.ts';
import { sourceHashOf, type CursorUpdate, type DocumentRecord, type KnownDocument, type Store } from '../store.ts';
import type { Db } from './open.ts';

/** What a scan writes: one transaction per call, the run's progress cursor moving in the same transaction. */
export function documentMethods(db: Db, hasher: KeyedHasher): Pick<Store, 'knownDocuments' | 'recordSeen' | 'recordDocuments' | 'recordRemoved'> {
  const now = () => new Date().toISOString();
  const sourceOfRun = new Map<number, number>();
  function sourceOf(runId: number): number {
    let id = sourceOfRun.get(runId);
    if (id === undefined) {
      id = db.prepare('SELECT source_id FROM scan_runs WHERE id = ?').pluck().get(runId) as number | undefined;
      if (id === undefined) throw new Error(`unknown scan run ${runId}`);
      sourceOfRun.set(runId, id);
    }
    return id;
  }

  const moveCursor = db.prepare('UPDATE scan_runs SET cursor = ? WHERE id = ?');
  function cursorTo(runId: number, cursor: CursorUpdate | undefined): void {
    if (cursor) moveCursor.run(cursor.cursor, runId);
  }

  const known = db.prepare<[number, string], KnownRow>(`
    SELECT ${KNOWN_COLUMNS}
    FROM documents WHERE source_id = ? AND item_id IN (SELECT value FROM json_each(?))`);

  const seen = db.prepare(`
    UPDATE documents SET location = @location, name = @name, size = @size, version = @version, modified = @modified, owner = @owner,
      source_hash = coalesce(@sourceHash, source_hash), last_seen_run = @run, deleted_at = NULL
    WHERE source_id = @source AND item_id = @id`);

  const upsert = db.prepare(`
    INSERT INTO documents (source_id, item_id, location, name, size, version, modified, owner, content_hash, source_hash,
      state, error_stage, error, scanned_at, last_seen_run)
    VALUES (@source, @id, @location, @name, @size, @version, @modified, @owner, @contentHash, @sourceHash,
      @state, @errorStage, @error, @now, @run)
    ON CONFLICT (source_id, item_id) DO UPDATE SET
      location = excluded.location, name = excluded.name, size = excluded.size, version = excluded.version,
      modified = excluded.modified, owner = excluded.owner,
      content_hash = coalesce(excluded.content_hash, content_hash), source_hash = coalesce(excluded.source_hash, source_hash),
      state = CASE WHEN @keep THEN state ELSE excluded.state END,
      error_stage = CASE WHEN @keep THEN error_stage ELSE excluded.error_stage END,
      error = CASE WHEN @keep THEN error ELSE excluded.error END,
      scanned_at = CASE WHEN @keep THEN scanned_at ELSE excluded.scanned_at END,
      last_seen_run = excluded.last_seen_run, deleted_at = NULL
    RETURNING id`);

  const classify = db.prepare(`
    INSERT OR REPLACE INTO classifications (document_id, label, document_type, document_type_confidence, label_reason,
      document_type_reason, format, categories, findings, hints, parts, warnings, run_id, classified_at)
    VALUES (@doc, @label, @documentType, @documentTypeConfidence, @labelReason, @documentTypeReason, @format,
      @categories, @findings, @hints, @parts, @warnings, @run, @now)`);
  const dropClassification = db.prepare('DELETE FROM classifications WHERE document_id = ?');
  const dropCategories = db.prepare('DELETE FROM document_categories WHERE document_id = ?');
  const addCategory = db.prepare('INSERT OR IGNORE INTO document_categories (document_id, category) VALUES (?, ?)');
  const addError = db.prepare('INSERT INTO document_errors (document_id, run_id, stage, reason, at) VALUES (?, ?, ?, ?, ?)');
  const remove = db.prepare(`UPDATE documents SET deleted_at = ? WHERE source_id = ? AND deleted_at IS NULL
    AND item_id IN (SELECT value FROM json_each(?))`);

  function itemParams(item: Item) {
    return {
      id: item.id,
      location: item.location,
      name: item.name,
      modified: item.modified ?? null,
      owner: item.owner ?? null,
      sourceHash: sourceHashOf(hasher, item) ?? null,
    };
  }

  const recordSeen = db.transaction((runId: number, items: readonly Item[], cursor?: CursorUpdate) => {
    const source = sourceOf(runId);
    for (const item of items) seen.run({ ...itemParams(item), size: item.size, version: item.version, source, run: runId });
    cursorTo(runId, cursor);
  });

  const recordDocuments = db.transaction((runId: number, records: readonly DocumentRecord[], cursor?: CursorUpdate) => {
    for (const record of records) recordOne(runId, record);
    cursorTo(runId, cursor);
  });

  function recordOne(runId: number, record: DocumentRecord): void {
    const { item, outcome } = record;
    const at = now();
    const error = outcome.kind === 'error' ? outcome : undefined;
    const { id: doc } = upsert.get({
      ...itemParams(item),
      source: sourceOf(runId),
      run: runId,
      size: item.size,
      version: record.version,
      contentHash: record.contentHash ?? null,
      state: error ? 'error' : 'classified',
      errorStage: error?.stage ?? null,
      error: error?.reason ?? null,
      now: at,
      keep: outcome.kind === 'unchanged' ? 1 : 0,
    }) as { id: number };
    if (outcome.kind === 'classified') {
      const c = outcome.classification;
      classify.run({
        doc,
        run: runId,
        now: at,
        label: c.label,
        documentType: c.documentType,
        documentTypeConfidence: c.documentTypeConfidence,
        labelReason: c.labelReason,
        documentTypeReason: c.documentTypeReason,
        format: c.format,
        categories: JSON.stringify(c.categories),
        findings: JSON.stringify(c.findings),
        hints: JSON.stringify(c.hints),
        parts: JSON.stringify(c.parts),
        warnings: JSON.stringify(c.warnings),
      });
      dropCategories.run(doc);
      for (const category of c.categories) addCategory.run(doc, category);
    } else if (error) {
      addError.run(doc, runId, error.stage, error.reason, at);
      // Content that changed and cannot be read says nothing any more; a fetch error leaves the last reading standing.
      if (error.stage === 'extract') {
        dropClassification.run(doc);
        dropCategories.run(doc);
      }
    }
  }

  const recordRemoved = db.transaction((runId: number, ids: readonly string[], cursor?: CursorUpdate) => {
    const changes = ids.length ? remove.run(now(), sourceOf(runId), JSON.stringify(ids)).changes : 0;
    cursorTo(runId, cursor);
    return changes;
  });

  return {
    async knownDocuments(sourceId, itemIds) {
      const result = new Map<string, KnownDocument>();
      if (itemIds.length === 0) return result;
      for (const row of known.all(sourceId, JSON.stringify(itemIds))) {
        result.set(row.item_id, knownOf(row));
      }
      return result;
    },
    async recordSeen(runId, items, cursor) {
      recordSeen.immediate(runId, items, cursor);
    },
    async recordDocuments(runId, records, cursor) {
      recordDocuments.immediate(runId, records, cursor);
    },
    async recordRemoved(runId, ids, cursor) {
      return recordRemoved.immediate(runId, ids, cursor);
    },
  };
}
