/**
 * Folder ids → paths for a source whose listing gives parent ids only (drive and mail delta). Loaded from and saved
 * to storage that outlives the run (the store, per source), so a resumed run and the next scan know where items
 * are. Paths are computed from parents when asked, so a renamed folder moves everything below it.
 */
export interface FolderRecord {
  id: string;
  parentId: string | null;
  name: string;
}

export interface FolderStorage {
  load(): Promise<Iterable<FolderRecord>>;
  save(put: readonly FolderRecord[], remove: readonly string[]): Promise<void>;
}

export interface FolderTree {
  /** Loads once; later calls are free. */
  ready(): Promise<void>;
  /** Records a folder; true when it was known under another name or parent (renamed or moved). */
  put(record: FolderRecord): boolean;
  remove(id: string): void;
  has(id: string): boolean;
  /** `a/b/c` below the root (the root itself is ''); unknown folders count as the root. */
  pathOf(id: string | null | undefined): string;
  ids(): string[];
  /** Writes what changed since the last flush. */
  flush(): Promise<void>;
}

export function createFolderTree(storage: FolderStorage = memoryFolderStorage()): FolderTree {
  const folders = new Map<string, FolderRecord>();
  let loaded: Promise<void> | undefined;
  let puts = new Map<string, FolderRecord>();
  let removes = new Set<string>();
  return {
    ready() {
      loaded ??= (async () => {
        for (const f of await storage.load()) folders.set(f.id, f);
      })();
      return loaded;
    },
    put(record) {
      const old = folders.get(record.id);
      if (old && old.parentId === record.parentId && old.name === record.name) return false;
      folders.set(record.id, record);
      puts.set(record.id, record);
      removes.delete(record.id);
      return old !== undefined;
    },
    remove(id) {
      if (!folders.delete(id)) return;
      puts.delete(id);
      removes.add(id);
    },
    has: (id) => folders.has(id),
    pathOf(id) {
      const names: string[] = [];
      const visited = new Set<string>();
      let current = id ? folders.get(id) : undefined;
      while (current && current.parentId !== null && !visited.has(current.id)) {
        visited.add(current.id); // a cycle (never from Graph, but cheap to refuse) ends the walk
        names.push(current.name);
        current = folders.get(current.parentId);
      }
      return names.reverse().join('/');
    },
    ids: () => [...folders.keys()],
    async flush() {
      if (!puts.size && !removes.size) return;
      const put = [...puts.values()];
      const remove = [...removes];
      puts = new Map();
      removes = new Set();
      await storage.save(put, remove);
    },
  };
}

/** For a connector used without a store (tests, one-off listings): forgets everything with the process. */
export function memoryFolderStorage(): FolderStorage & { records: Map<string, FolderRecord> } {
  const records = new Map<string, FolderRecord>();
  return {
    records,
    async load() {
      return [...records.values()];
    },
    async save(put, remove) {
      for (const r of put) records.set(r.id, r);
      for (const id of remove) records.delete(id);
    },
  };
}

export const joinPath = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
