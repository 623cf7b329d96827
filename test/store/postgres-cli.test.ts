import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bewaarder, ROOT } from '../support/cli.ts';
import { usePostgres } from '../support/postgres.ts';

const cluster = usePostgres();
const dir = mkdtempSync(join(tmpdir(), 'bewaarder-pg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

describe('bewaarder scan and list with --db postgres://…', () => {
  it('scans a folder into PostgreSQL, lists it from there, and a rescan classifies nothing', async () => {
    const url = await cluster.createDatabase();
    const docs = join(dir, 'documenten');
    cpSync(join(ROOT, 'fixtures/examples'), docs, { recursive: true });
    const hourAgo = new Date(Date.now() - 3600_000); // files as on a share: not written a moment ago
    for (const name of readdirSync(docs)) utimesSync(join(docs, name), hourAgo, hourAgo);
    const env = { BEWAARDER_KEY: '' };

    const scan = bewaarder(['scan', '--json', '--db', url, docs], { cwd: dir, env });
    // Nothing on stderr but the progress line a scan prints every 5 s when it is not on a terminal (a slow machine).
    expect(scan.stderr.split('\n').filter((l) => l && !/^found \d+\+? · classified /.test(l))).toEqual([]);
    expect(scan.code).toBe(0);
    expect(lines(scan.stdout)[0]).toMatchObject({ found: 5, classified: 5, errors: 0, status: 'completed' });
    // The key is kept in the working folder's data folder, readable by its owner only.
    const [keyFile] = readdirSync(join(dir, '.bewaarder'));
    expect(keyFile).toMatch(/^postgres-127\.0\.0\.1-\d+-t\d+_\d+\.key$/);
    expect(statSync(join(dir, '.bewaarder', keyFile!)).mode & 0o777).toBe(0o600);

    const list = bewaarder(['list', '--json', '--db', url, '--label', 'bijzonder'], { cwd: dir, env });
    expect(list.code).toBe(0);
    const listed = lines(list.stdout);
    expect(listed.map((d) => d.location)).toContain('verzuim-brief.txt');
    expect(listed.every((d) => d.label === 'bijzonder')).toBe(true);

    const again = bewaarder(['scan', '--json', '--db', url, docs], { cwd: dir, env });
    expect(lines(again.stdout)[0]).toMatchObject({ found: 5, classified: 0, skipped: 5, status: 'completed' });

    // Nothing of the documents' identifiers is in the database: masked evidence and keyed hashes only.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename as string);
      let dump = '';
      for (const table of tables) dump += JSON.stringify((await client.query(`SELECT * FROM ${table}`)).rows);
      expect(dump).toContain('verzuim-brief.txt');
      for (const secret of ['1234.56.782', '123456782', 'NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300']) expect(dump).not.toContain(secret);
    } finally {
      await client.end();
    }
  });

  it('says so when the database holds no results, instead of creating an empty one', async () => {
    const url = await cluster.createDatabase();
    const list = bewaarder(['list', '--db', url], { cwd: dir, env: { BEWAARDER_KEY: 'ab'.repeat(32) } });
    expect(list.code).not.toBe(0);
    expect(list.stderr).toMatch(/holds no bewaarder results/);
  });
});
