import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { StoreHarness } from '../store/store.conformance.ts';

export interface SqliteHarnessOptions {
  key: Uint8Array;
  /** The temporary folder's name prefix, so a leftover folder says which suite left it. */
  prefix: string;
  /** The database file inside that folder; a path in a sub-folder tests that the store makes its folder. */
  file?: string;
}

/** A conformance harness on a fresh SQLite file in a temporary folder, removed again on close. */
export function sqliteHarness({ key, prefix, file = 'bewaarder.db' }: SqliteHarnessOptions): () => Promise<StoreHarness> {
  return async function openTempSqliteStore() {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const path = join(dir, file);
    let store = openSqliteStore(path, { key });
    return {
      store,
      async reopen() {
        await store.close();
        store = openSqliteStore(path, { key });
        return store;
      },
      // A connection of its own, as another program would open the file: what the database itself allows or refuses.
      async exec(sql) {
        const db = new Database(path);
        try {
          return db.exec(sql);
        } finally {
          db.close();
        }
      },
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}
