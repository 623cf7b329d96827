import type { RetentionStore, ScheduleInput, ScheduleRow } from '../../retention/store.ts';
import type { Category, Label } from '../../types.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import {
  eventDateOf, holdOf, scheduledOf, scheduleInputOf, SOURCE_COLUMNS, type EventDateRow, type HoldRow, type InputRow, type ScheduledRow,
} from '../rows/index.ts';
import type { Pg } from './db.ts';
import { disposalMethods } from './retention-disposals.ts';

const SAVE = `INSERT INTO retention_schedule VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
  ON CONFLICT (document_id) DO UPDATE SET policy_id = excluded.policy_id, document_type = excluded.document_type,
    label = excluded.label, trigger = excluded.trigger, trigger_date = excluded.trigger_date, dispose_after = excluded.dispose_after,
    state = excluded.state, approvals = excluded.approvals, judged_version = excluded.judged_version, judged_hash = excluded.judged_hash,
    review_reason = excluded.review_reason, extended_until = excluded.extended_until, relabel_type = excluded.relabel_type,
    relabel_label = excluded.relabel_label, classified_at = excluded.classified_at, fingerprint = excluded.fingerprint,
    scheduled_at = excluded.scheduled_at`;

/** Retention's tables: schedules, event dates, holds (this file) and intents + the disposal log (disposals). */
export function retentionMethods(db: Pg, hasher: KeyedHasher): RetentionStore {
  async function inputs(p: { fingerprint: string; limit: number | null; after: number; ids: readonly number[] | null }): Promise<ScheduleInput[]> {
    const rows = await db.rows<InputRow>(`
      SELECT r.*, d.id, d.source_id, ${SOURCE_COLUMNS}, d.location, d.version, d.content_hash, d.modified, d.scanned_at,
        c.classified_at AS c_classified_at, c.document_type AS c_document_type, c.label AS c_label
      FROM documents d JOIN sources s ON s.id = d.source_id JOIN classifications c ON c.document_id = d.id
      LEFT JOIN retention_schedule r ON r.document_id = d.id
      WHERE d.deleted_at IS NULL AND d.id > $1 AND ($2::bigint[] IS NOT NULL AND d.id = ANY($2::bigint[])
        OR $2::bigint[] IS NULL AND (r.document_id IS NULL OR r.classified_at <> c.classified_at OR r.fingerprint <> $3))
      ORDER BY d.id LIMIT $4`, [p.after, p.ids, p.fingerprint, p.limit]);
    return rows.map(scheduleInputOf);
  }

  return {
    async toSchedule({ fingerprint, limit, afterId = 0 }) {
      return inputs({ fingerprint, limit, after: afterId, ids: null });
    },
    async scheduleInputs(ids) {
      return ids.length ? inputs({ fingerprint: '', limit: null, after: 0, ids }) : [];
    },
    async saveSchedules(rows: readonly ScheduleRow[]) {
      await db.tx(async (q) => {
        for (const r of rows) {
          const found = r.relabel ? undefined
            : await q.one<{ document_type: string; label: Label }>('SELECT document_type, label FROM classifications WHERE document_id = $1', [r.documentId]);
          const c = r.relabel ?? (found ? { documentType: found.document_type, label: found.label } : undefined);
          if (!c) throw new Error(`document ${r.documentId} has no classification to schedule`);
          await q.run(SAVE, [r.documentId, r.policyId, c.documentType, c.label, r.trigger, r.triggerDate ?? null, r.disposeAfter ?? null,
            r.state, JSON.stringify(r.approvals), r.judged?.version ?? null, r.judged?.contentHash ?? null, r.reviewReason ?? null,
            r.extendedUntil ?? null, r.relabel?.documentType ?? null, r.relabel?.label ?? null, r.classifiedAt, r.fingerprint, r.scheduledAt]);
        }
      });
    },
    async scheduled(query = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, ...values: unknown[]) => {
        let sql = clause;
        for (const v of values) {
          params.push(v);
          sql = sql.replace('?', `$${params.length}`);
        }
        where.push(sql);
      };
      if (!query.includeDeleted) where.push('d.deleted_at IS NULL');
      if (query.documentIds) add('r.document_id = ANY(?::bigint[])', query.documentIds);
      if (query.dueBy) add('r.dispose_after <= ?', query.dueBy);
      if (query.states) add('r.state = ANY(?::text[])', query.states);
      if (query.location) {
        const prefix = query.location.prefix.replace(/\/+$/, '');
        // A prefix match without LIKE's wildcards: `%` and `_` in folder names are ordinary characters.
        if (prefix) add("(d.location = ? OR left(d.location, length(?) + 1) = ? || '/')", prefix, prefix, prefix);
        if (query.location.sourceId !== undefined) add('d.source_id = ?', query.location.sourceId);
      }
      const rows = await db.rows<ScheduledRow & { categories: Category[] }>(
        `SELECT r.*, d.source_id, ${SOURCE_COLUMNS}, d.item_id, d.location, d.name, d.size, d.version, d.modified, d.content_hash, d.deleted_at,
          ARRAY(SELECT category FROM document_categories k WHERE k.document_id = d.id ORDER BY category) AS categories
        FROM retention_schedule r JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.policy_id, r.dispose_after, d.location, d.id`, params);
      return rows.map((r) => scheduledOf(r, r.categories));
    },

    async addEventDate(e) {
      const row = await db.one<{ id: number }>(`INSERT INTO retention_event_dates (document_id, source_id, prefix, event, date, actor, at, comment)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.documentId ?? null, e.sourceId ?? null, e.prefix ?? null, e.event ?? null, e.date, e.actor, e.at, e.comment ?? null]);
      return row!.id;
    },
    async eventDates() {
      return (await db.rows<EventDateRow>('SELECT * FROM retention_event_dates ORDER BY id')).map(eventDateOf);
    },

    async placeHold(h) {
      const row = await db.one<{ id: number }>('INSERT INTO retention_holds (scope, placed_by, placed_at, comment) VALUES ($1, $2, $3, $4) RETURNING id',
        [JSON.stringify(h.scope), h.placedBy, h.placedAt, h.comment ?? null]);
      return { ...h, id: row!.id };
    },
    async releaseHold(id, release) {
      await db.run('UPDATE retention_holds SET released_by = $1, released_at = $2, release_comment = $3 WHERE id = $4 AND released_at IS NULL',
        [release.by, release.at, release.comment ?? null, id]);
      const row = await db.one<HoldRow>('SELECT * FROM retention_holds WHERE id = $1', [id]);
      return row ? holdOf(row) : undefined;
    },
    async holds(options = {}) {
      const rows = await db.rows<HoldRow>(`SELECT * FROM retention_holds ${options.active ? 'WHERE released_at IS NULL' : ''} ORDER BY id`);
      return rows.map(holdOf);
    },
    ...disposalMethods(db, hasher),
  };
}
