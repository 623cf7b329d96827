import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { sqliteHarness } from '../support/sqlite-store.ts';
import { storeConformance } from './store.conformance.ts';

const KEY = new Uint8Array(32).fill(7);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDb(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-store-'));
  made.push(dir);
  return { dir, path: join(dir, 'sub', 'bewaarder.db') };
}

storeConformance('SQLite', sqliteHarness({ key: KEY, prefix: 'bewaarder-store-', file: join('sub', 'bewaarder.db') }));

describe('SQLite store', () => {
  it('is one file in WAL mode, readable by its owner only, with its schema version recorded', async () => {
    const { path } = tempDb();
    const store = openSqliteStore(path, { key: KEY });
    await store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    db.close();
    openSqliteStore(path, { key: KEY }).close(); // migrating again changes nothing
  });

  it('keeps its hash key beside it with mode 0600, or takes it from $BEWAARDER_KEY, and refuses another key', async () => {
    const { path } = tempDb();
    const store = openSqliteStore(path, { env: {} });
    const digest = store.hasher.digest('content', 'x');
    await store.close();
    expect(statSync(`${path}.key`).mode & 0o777).toBe(0o600);
    const again = openSqliteStore(path, { env: {} });
    expect(again.hasher.digest('content', 'x')).toBe(digest);
    await again.close();

    expect(() => openSqliteStore(path, { env: { BEWAARDER_KEY: 'ab'.repeat(32) } })).toThrow(/key does not match/);

    rmSync(`${path}.key`);
    expect(() => openSqliteStore(path, { env: {} })).toThrow(/key .* is missing/);
    expect(existsSync(`${path}.key`)).toBe(false);

    const other = tempDb();
    const fromEnv = openSqliteStore(other.path, { env: { BEWAARDER_KEY: 'ab'.repeat(32) } });
    await fromEnv.close();
    expect(existsSync(`${other.path}.key`)).toBe(false);
  });

  it('refuses a key file others can read, and a database from a newer version', async () => {
    const { dir, path } = tempDb();
    writeFileSync(join(dir, 'open.key'), 'ab'.repeat(32), { mode: 0o644 });
    expect(() => openSqliteStore(path, { keyFile: join(dir, 'open.key'), env: {} })).toThrow(/chmod 600/);
    const store = openSqliteStore(path, { key: KEY });
    await store.close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2099-01-01')").run();
    db.close();
    expect(() => openSqliteStore(path, { key: KEY })).toThrow(/newer bewaarder/);
  });
});
