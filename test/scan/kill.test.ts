import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFolder } from '../../src/bench/folder.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { bewaarder } from '../support/cli.ts';
import { scanAndSignal, type DbProgress } from '../support/scan-process.ts';
import { snapshot } from './snapshot.ts';

const COUNT = 400;

describe('kill -9 during a scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('then a rerun gives the same stored result as an uninterrupted scan: nothing lost, duplicated or half written', async () => {
    const root = join(dir, 'bron');
    generateFolder(root, { count: COUNT, seed: 21 });
    const reference = join(dir, 'ref', 'bewaarder.db');
    const clean = bewaarder(['scan', '--json', '--db', reference, root]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ found: COUNT, classified: COUNT, status: 'completed' });

    const killed = join(dir, 'killed', 'bewaarder.db');
    // Killed while the database is being created, right after the run starts, and twice in the middle.
    const moments: [string, (p: DbProgress) => boolean][] = [
      ['database created', () => true],
      ['run started', (p) => p.runs > 0],
      ['a third stored', (p) => p.documents >= COUNT / 3],
      ['two thirds stored', (p) => p.documents >= (2 * COUNT) / 3],
    ];
    for (const [moment, when] of moments) {
      const end = await scanAndSignal(['scan', '--json', '--quiet', '--concurrency', '1', '--db', killed, root], killed, 'SIGKILL', when);
      expect({ moment, signal: end.signal }).toEqual({ moment, signal: 'SIGKILL' });
      expect(end.at!.documents).toBeLessThan(COUNT);
    }
    const rerun = bewaarder(['scan', '--json', '--db', killed, root]);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary).toMatchObject({ status: 'completed', resumed: true, deleted: 0 });
    expect(summary.classified).toBeLessThan(COUNT / 3 + 10); // it continued; it did not start over

    const [a, b] = [openSqliteStore(reference), openSqliteStore(killed)];
    try {
      expect(await snapshot(b)).toEqual(await snapshot(a));
    } finally {
      await a.close();
      await b.close();
    }
    const db = new Database(killed, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const one = (sql: string) => db.prepare(sql).pluck().get();
      expect(one('SELECT count(*) FROM documents')).toBe(COUNT);
      expect(one('SELECT count(DISTINCT item_id) FROM documents')).toBe(COUNT);
      expect(one("SELECT count(*) FROM documents d LEFT JOIN classifications c ON c.document_id = d.id WHERE d.state = 'classified' AND c.document_id IS NULL")).toBe(0);
      expect(one('SELECT count(*) FROM document_categories')).toBe(one('SELECT sum(json_array_length(categories)) FROM classifications'));
      expect(one("SELECT count(*) FROM scan_runs WHERE status <> 'completed'")).toBe(0);
    } finally {
      db.close();
    }
  }, 90_000);
});
