import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPostgresStore, openPostgresStore } from '../../src/store/postgres/index.ts';
import { MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { usePostgres } from '../support/postgres.ts';
import type { StoreHarness } from './store.conformance.ts';
import { storeConformance } from './store.conformance.ts';
import { retentionConformance } from './retention.conformance.ts';
import { webConformance } from './web.conformance.ts';

const KEY = new Uint8Array(32).fill(7);
const cluster = usePostgres();

async function sql(url: string, text: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function harness(): Promise<StoreHarness> {
  const url = await cluster.createDatabase();
  let store = await connectPostgresStore(url, { key: KEY });
  return {
    store,
    async reopen() {
      await store.close();
      store = await connectPostgresStore(url, { key: KEY });
      return store;
    },
    exec: (text) => sql(url, text),
    async close() {
      await store.close();
      await cluster.dropDatabase(url);
    },
  };
}

storeConformance('PostgreSQL', harness);
retentionConformance('PostgreSQL', harness);
webConformance('PostgreSQL', harness);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL store', () => {
  it('has the same schema versions as the SQLite store, recorded once however often it is opened', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    const url = await cluster.createDatabase();
    await Promise.all([1, 2, 3].map(async () => (await connectPostgresStore(url, { key: KEY })).close()));
    expect(await sql(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('keeps its hash key in a file (mode 0600) or takes it from $BEWAARDER_KEY, and refuses another key', async () => {
    const url = await cluster.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-pg-key-'));
    dirs.push(dir);
    const keyFile = join(dir, 'db.key');
    const store = await connectPostgresStore(url, { keyFile, env: {} });
    const digest = store.hasher.digest('content', 'x');
    await store.close();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = await connectPostgresStore(url, { keyFile, env: {} });
    expect(again.hasher.digest('content', 'x')).toBe(digest);
    await again.close();
    await expect(connectPostgresStore(url, { keyFile, env: { BEWAARDER_KEY: 'ab'.repeat(32) } })).rejects.toThrow(/key does not match/);
    rmSync(keyFile);
    await expect(connectPostgresStore(url, { keyFile, env: {} })).rejects.toThrow(/key .* is missing/);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('refuses a database from a newer version, and (when asked) one without results', async () => {
    const url = await cluster.createDatabase();
    await expect(connectPostgresStore(url, { key: KEY, create: false })).rejects.toThrow(/holds no bewaarder results/);
    await (await connectPostgresStore(url, { key: KEY })).close();
    await sql(url, "INSERT INTO schema_migrations VALUES (99, 'future', '2099-01-01')");
    await expect(connectPostgresStore(url, { key: KEY })).rejects.toThrow(/newer bewaarder/);
  });

  it('refuses TRUNCATE of the audit and disposal logs too', async () => {
    const url = await cluster.createDatabase();
    const store = openPostgresStore(url, { key: KEY });
    await store.appendAudit({ actor: 'fg', action: 'results.listed' });
    await store.close();
    await expect(sql(url, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(sql(url, 'TRUNCATE disposals')).rejects.toThrow(/append-only/);
    expect(await sql(url, 'SELECT count(*)::int AS n FROM audit_log')).toEqual([{ n: 1 }]);
  });
});
