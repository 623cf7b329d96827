import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { webConformance } from './web.conformance.ts';

const KEY = new Uint8Array(32).fill(5);

webConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-web-store-'));
  const path = join(dir, 'bewaarder.db');
  let store = openSqliteStore(path, { key: KEY });
  return {
    store,
    async reopen() {
      await store.close();
      store = openSqliteStore(path, { key: KEY });
      return store;
    },
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
});
