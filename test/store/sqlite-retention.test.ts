import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { retentionConformance } from './retention.conformance.ts';

const KEY = new Uint8Array(32).fill(9);

retentionConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-retention-store-'));
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
