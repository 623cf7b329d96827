import type { ConnectorStateStore, FolderEntry } from '../connector-state.ts';
import type { Db } from './open.ts';

/** Folder trees and write-back records of Graph sources (migration 4). */
export function connectorStateMethods(db: Db): ConnectorStateStore {
  const all = db.prepare<[number], { folder_id: string; parent_id: string | null; name: string }>(
    'SELECT folder_id, parent_id, name FROM source_folders WHERE source_id = ?',
  );
  const put = db.prepare('INSERT OR REPLACE INTO source_folders (source_id, folder_id, parent_id, name) VALUES (?, ?, ?, ?)');
  const drop = db.prepare('DELETE FROM source_folders WHERE source_id = ? AND folder_id = ?');
  const save = db.transaction((sourceId: number, entries: readonly FolderEntry[], removed: readonly string[]) => {
    for (const e of entries) put.run(sourceId, e.id, e.parentId, e.name);
    for (const id of removed) drop.run(sourceId, id);
  });
  const written = db.prepare<[number], { item_id: string; labels: string }>('SELECT item_id, labels FROM label_writes WHERE source_id = ?');
  const write = db.prepare('INSERT OR REPLACE INTO label_writes (source_id, item_id, labels, written_at) VALUES (?, ?, ?, ?)');
  const follow = db.prepare('UPDATE documents SET version = ? WHERE source_id = ? AND item_id = ? AND version = ?');
  const recordWrite = db.transaction((sourceId: number, itemId: string, labels: string, version?: { from: string; to: string }) => {
    write.run(sourceId, itemId, labels, new Date().toISOString());
    if (version && version.to !== version.from) follow.run(version.to, sourceId, itemId, version.from);
  });
  return {
    async folders(sourceId) {
      return new Map(all.all(sourceId).map((r) => [r.folder_id, { id: r.folder_id, parentId: r.parent_id, name: r.name }]));
    },
    async saveFolders(sourceId, entries, removed) {
      if (entries.length || removed.length) save.immediate(sourceId, entries, removed);
    },
    async writtenLabels(sourceId) {
      return new Map(written.all(sourceId).map((r) => [r.item_id, r.labels]));
    },
    async recordWrittenLabels(sourceId, itemId, labels, version) {
      recordWrite.immediate(sourceId, itemId, labels, version);
    },
  };
}
