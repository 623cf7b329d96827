import type { ConnectorStateStore } from '../connector-state.ts';
import type { Pg } from './db.ts';

/** Folder trees and write-back records of Graph sources (migration 4). */
export function connectorStateMethods(db: Pg): ConnectorStateStore {
  return {
    async folders(sourceId) {
      const rows = await db.rows<{ folder_id: string; parent_id: string | null; name: string }>(
        'SELECT folder_id, parent_id, name FROM source_folders WHERE source_id = $1', [sourceId]);
      return new Map(rows.map((r) => [r.folder_id, { id: r.folder_id, parentId: r.parent_id, name: r.name }]));
    },
    async saveFolders(sourceId, entries, removed) {
      if (!entries.length && !removed.length) return;
      await db.tx(async (q) => {
        for (const e of entries) {
          await q.run(`INSERT INTO source_folders (source_id, folder_id, parent_id, name) VALUES ($1, $2, $3, $4)
            ON CONFLICT (source_id, folder_id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name`, [sourceId, e.id, e.parentId, e.name]);
        }
        if (removed.length) await q.run('DELETE FROM source_folders WHERE source_id = $1 AND folder_id = ANY($2::text[])', [sourceId, removed]);
      });
    },
    async writtenLabels(sourceId) {
      const rows = await db.rows<{ item_id: string; labels: string }>('SELECT item_id, labels FROM label_writes WHERE source_id = $1', [sourceId]);
      return new Map(rows.map((r) => [r.item_id, r.labels]));
    },
    async recordWrittenLabels(sourceId, itemId, labels, version) {
      await db.tx(async (q) => {
        await q.run(`INSERT INTO label_writes (source_id, item_id, labels, written_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (source_id, item_id) DO UPDATE SET labels = excluded.labels, written_at = excluded.written_at`,
        [sourceId, itemId, labels, new Date().toISOString()]);
        if (version && version.to !== version.from) {
          await q.run('UPDATE documents SET version = $1 WHERE source_id = $2 AND item_id = $3 AND version = $4', [version.to, sourceId, itemId, version.from]);
        }
      });
    },
  };
}
