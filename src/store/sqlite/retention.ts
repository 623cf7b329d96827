import type { RetentionStore, ScheduleInput, ScheduleRow } from '../../retention/store.ts';
import type { Category, Label } from '../../types.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import {
  eventDateOf, holdOf, scheduledOf, scheduleInputOf, SOURCE_COLUMNS, type EventDateRow, type HoldRow, type InputRow, type ScheduledRow,
} from '../rows/index.ts';
import type { Db } from './open.ts';
import { disposalMethods } from './retention-disposals.ts';

/** Retention's tables: schedules, event dates, holds (this file) and intents + the disposal log (disposals). */
export function retentionMethods(db: Db, hasher: KeyedHasher): RetentionStore {
  const toSchedule = db.prepare(`
    SELECT r.*, d.id, d.source_id, ${SOURCE_COLUMNS}, d.location, d.version, d.content_hash, d.modified, d.scanned_at,
      c.classified_at AS c_classified_at, c.document_type AS c_document_type, c.label AS c_label
    FROM documents d JOIN sources s ON s.id = d.source_id JOIN classifications c ON c.document_id = d.id
    LEFT JOIN retention_schedule r ON r.document_id = d.id
    WHERE d.deleted_at IS NULL AND d.id > @after AND (@ids IS NOT NULL AND d.id IN (SELECT value FROM json_each(@ids))
      OR @ids IS NULL AND (r.document_id IS NULL OR r.classified_at <> c.classified_at OR r.fingerprint <> @fingerprint))
    ORDER BY d.id LIMIT @limit`);
  const save = db.prepare(`INSERT OR REPLACE INTO retention_schedule VALUES (@documentId, @policyId, @documentType, @label,
    @trigger, @triggerDate, @disposeAfter, @state, @approvals, @judgedVersion, @judgedHash, @reviewReason, @extendedUntil,
    @relabelType, @relabelLabel, @classifiedAt, @fingerprint, @scheduledAt)`);
  const typeOf = db.prepare<[number], { document_type: string; label: Label }>(
    'SELECT document_type, label FROM classifications WHERE document_id = ?');
  const saveAll = db.transaction((rows: readonly ScheduleRow[]) => {
    for (const r of rows) {
      const c = r.relabel ?? (() => {
        const found = typeOf.get(r.documentId);
        return found ? { documentType: found.document_type, label: found.label } : undefined;
      })();
      if (!c) throw new Error(`document ${r.documentId} has no classification to schedule`);
      save.run({
        documentId: r.documentId, policyId: r.policyId, documentType: c.documentType, label: c.label, trigger: r.trigger,
        triggerDate: r.triggerDate ?? null, disposeAfter: r.disposeAfter ?? null, state: r.state,
        approvals: JSON.stringify(r.approvals), judgedVersion: r.judged?.version ?? null, judgedHash: r.judged?.contentHash ?? null,
        reviewReason: r.reviewReason ?? null, extendedUntil: r.extendedUntil ?? null, relabelType: r.relabel?.documentType ?? null,
        relabelLabel: r.relabel?.label ?? null, classifiedAt: r.classifiedAt, fingerprint: r.fingerprint, scheduledAt: r.scheduledAt,
      });
    }
  });

  function inputs(params: { fingerprint: string; limit: number; after: number; ids: string | null }): ScheduleInput[] {
    return (toSchedule.all(params) as InputRow[]).map(scheduleInputOf);
  }

  return {
    async toSchedule({ fingerprint, limit, afterId = 0 }) {
      return inputs({ fingerprint, limit, after: afterId, ids: null });
    },
    async scheduleInputs(ids) {
      return ids.length ? inputs({ fingerprint: '', limit: -1, after: 0, ids: JSON.stringify(ids) }) : [];
    },
    async saveSchedules(rows) {
      saveAll.immediate(rows);
    },
    async scheduled(query = {}) {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (!query.includeDeleted) where.push('d.deleted_at IS NULL');
      if (query.documentIds) {
        where.push('r.document_id IN (SELECT value FROM json_each(@ids))');
        params.ids = JSON.stringify(query.documentIds);
      }
      if (query.dueBy) {
        where.push('r.dispose_after <= @dueBy');
        params.dueBy = query.dueBy;
      }
      if (query.states) {
        where.push('r.state IN (SELECT value FROM json_each(@states))');
        params.states = JSON.stringify(query.states);
      }
      if (query.location) {
        const prefix = query.location.prefix.replace(/\/+$/, '');
        if (prefix) {
          where.push("(d.location = @prefix OR substr(d.location, 1, length(@prefix) + 1) = @prefix || '/')");
          params.prefix = prefix;
        }
        if (query.location.sourceId !== undefined) {
          where.push('d.source_id = @sourceId');
          params.sourceId = query.location.sourceId;
        }
      }
      const rows = db.prepare(`SELECT r.*, d.source_id, ${SOURCE_COLUMNS}, d.item_id, d.location, d.name, d.size, d.version,
          d.modified, d.content_hash, d.deleted_at,
          (SELECT json_group_array(category) FROM document_categories k WHERE k.document_id = d.id) AS categories
        FROM retention_schedule r JOIN documents d ON d.id = r.document_id JOIN sources s ON s.id = d.source_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.policy_id, r.dispose_after, d.location, d.id`).all(params) as
        (ScheduledRow & { categories: string })[];
      return rows.map((r) => scheduledOf(r, JSON.parse(r.categories) as Category[]));
    },

    async addEventDate(e) {
      return Number(db.prepare(`INSERT INTO retention_event_dates (document_id, source_id, prefix, event, date, actor, at, comment)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(e.documentId ?? null, e.sourceId ?? null, e.prefix ?? null, e.event ?? null, e.date,
        e.actor, e.at, e.comment ?? null).lastInsertRowid);
    },
    async eventDates() {
      return (db.prepare('SELECT * FROM retention_event_dates ORDER BY id').all() as EventDateRow[]).map(eventDateOf);
    },

    async placeHold(h) {
      const id = Number(db.prepare('INSERT INTO retention_holds (scope, placed_by, placed_at, comment) VALUES (?, ?, ?, ?)')
        .run(JSON.stringify(h.scope), h.placedBy, h.placedAt, h.comment ?? null).lastInsertRowid);
      return { ...h, id };
    },
    async releaseHold(id, release) {
      db.prepare('UPDATE retention_holds SET released_by = ?, released_at = ?, release_comment = ? WHERE id = ? AND released_at IS NULL')
        .run(release.by, release.at, release.comment ?? null, id);
      const row = db.prepare('SELECT * FROM retention_holds WHERE id = ?').get(id) as HoldRow | undefined;
      return row ? holdOf(row) : undefined;
    },
    async holds(options = {}) {
      const rows = db.prepare(`SELECT * FROM retention_holds ${options.active ? 'WHERE released_at IS NULL' : ''} ORDER BY id`)
        .all() as HoldRow[];
      return rows.map(holdOf);
    },
    ...disposalMethods(db, hasher),
  };
}
