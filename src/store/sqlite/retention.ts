import type { RetentionStore, ScheduleInput, ScheduleRow } from '../../retention/store.ts';
import type { Approval, Hold, HoldScope, ScheduledDocument, Trigger } from '../../retention/types.ts';
import type { Category, Label } from '../../types.ts';
import type { KeyedHasher } from '../keyed-hash.ts';
import type { Db } from './open.ts';
import { disposalMethods } from './retention-disposals.ts';
import { SOURCE_COLUMNS, sourceRefOf, type SourceColumns } from './source-ref.ts';

interface ScheduleDbRow {
  document_id: number;
  policy_id: string;
  document_type: string;
  label: Label;
  trigger: Trigger;
  trigger_date: string | null;
  dispose_after: string | null;
  state: ScheduleRow['state'];
  approvals: string;
  judged_version: string | null;
  judged_hash: string | null;
  review_reason: string | null;
  extended_until: string | null;
  relabel_type: string | null;
  relabel_label: Label | null;
  classified_at: string;
  fingerprint: string;
  scheduled_at: string;
}

function rowOf(r: ScheduleDbRow): ScheduleRow {
  return {
    documentId: r.document_id,
    policyId: r.policy_id,
    trigger: r.trigger,
    ...(r.trigger_date ? { triggerDate: r.trigger_date } : {}),
    ...(r.dispose_after ? { disposeAfter: r.dispose_after } : {}),
    state: r.state,
    approvals: JSON.parse(r.approvals) as Approval[],
    ...(r.judged_version ? { judged: { version: r.judged_version, ...(r.judged_hash ? { contentHash: r.judged_hash } : {}) } } : {}),
    ...(r.review_reason ? { reviewReason: r.review_reason } : {}),
    ...(r.extended_until ? { extendedUntil: r.extended_until } : {}),
    ...(r.relabel_type && r.relabel_label ? { relabel: { documentType: r.relabel_type, label: r.relabel_label } } : {}),
    classifiedAt: r.classified_at,
    fingerprint: r.fingerprint,
    scheduledAt: r.scheduled_at,
  };
}

const opt = <T>(v: T | null, key: string) => (v === null ? {} : { [key]: v });

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

  function holdOf(r: { id: number; scope: string; placed_by: string; placed_at: string; comment: string | null;
    released_by: string | null; released_at: string | null; release_comment: string | null }): Hold {
    return {
      id: r.id, scope: JSON.parse(r.scope) as HoldScope, placedBy: r.placed_by, placedAt: r.placed_at,
      ...opt(r.comment, 'comment'), ...opt(r.released_by, 'releasedBy'), ...opt(r.released_at, 'releasedAt'),
      ...opt(r.release_comment, 'releaseComment'),
    } as Hold;
  }

  function inputs(params: { fingerprint: string; limit: number; after: number; ids: string | null }): ScheduleInput[] {
    const rows = toSchedule.all(params) as (ScheduleDbRow & SourceColumns & { id: number; source_id: number;
      location: string; version: string; content_hash: string | null; modified: string | null;
      scanned_at: string; c_classified_at: string; c_document_type: string; c_label: Label })[];
    return rows.map((row): ScheduleInput => ({
      documentId: row.id, sourceId: row.source_id, source: sourceRefOf(row), location: row.location,
      version: row.version, ...opt(row.content_hash, 'contentHash'), ...opt(row.modified, 'modified'), scannedAt: row.scanned_at,
      classifiedAt: row.c_classified_at, documentType: row.c_document_type, label: row.c_label,
      ...(row.document_id !== null ? { previous: rowOf(row) } : {}),
    }));
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
        (ScheduleDbRow & SourceColumns & { source_id: number; item_id: string; location: string; name: string; size: number;
          version: string; modified: string | null; content_hash: string | null; deleted_at: string | null; categories: string })[];
      return rows.map((r): ScheduledDocument => {
        const { classifiedAt: _c, fingerprint: _f, scheduledAt: _s, documentId, ...schedule } = rowOf(r);
        return {
          documentId, sourceId: r.source_id, source: sourceRefOf(r), itemId: r.item_id, location: r.location,
          name: r.name, size: r.size, version: r.version, ...opt(r.modified, 'modified'), ...opt(r.content_hash, 'contentHash'),
          documentType: r.document_type, label: r.label, categories: JSON.parse(r.categories) as Category[],
          ...schedule, deleted: r.deleted_at !== null,
        };
      });
    },

    async addEventDate(e) {
      return Number(db.prepare(`INSERT INTO retention_event_dates (document_id, source_id, prefix, event, date, actor, at, comment)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(e.documentId ?? null, e.sourceId ?? null, e.prefix ?? null, e.event ?? null, e.date,
        e.actor, e.at, e.comment ?? null).lastInsertRowid);
    },
    async eventDates() {
      const rows = db.prepare('SELECT * FROM retention_event_dates ORDER BY id').all() as { id: number; document_id: number | null;
        source_id: number | null; prefix: string | null; event: string | null; date: string; actor: string; at: string; comment: string | null }[];
      return rows.map((r) => ({ id: r.id, ...opt(r.document_id, 'documentId'), ...opt(r.source_id, 'sourceId'), ...opt(r.prefix, 'prefix'),
        ...opt(r.event, 'event'), date: r.date, actor: r.actor, at: r.at, ...opt(r.comment, 'comment') }));
    },

    async placeHold(h) {
      const id = Number(db.prepare('INSERT INTO retention_holds (scope, placed_by, placed_at, comment) VALUES (?, ?, ?, ?)')
        .run(JSON.stringify(h.scope), h.placedBy, h.placedAt, h.comment ?? null).lastInsertRowid);
      return { ...h, id };
    },
    async releaseHold(id, release) {
      db.prepare('UPDATE retention_holds SET released_by = ?, released_at = ?, release_comment = ? WHERE id = ? AND released_at IS NULL')
        .run(release.by, release.at, release.comment ?? null, id);
      const row = db.prepare('SELECT * FROM retention_holds WHERE id = ?').get(id) as Parameters<typeof holdOf>[0] | undefined;
      return row ? holdOf(row) : undefined;
    },
    async holds(options = {}) {
      const rows = db.prepare(`SELECT * FROM retention_holds ${options.active ? 'WHERE released_at IS NULL' : ''} ORDER BY id`)
        .all() as Parameters<typeof holdOf>[0][];
      return rows.map(holdOf);
    },
    ...disposalMethods(db, hasher),
  };
}
