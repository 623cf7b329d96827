import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFolder } from '../../src/bench/folder.ts';
import { main } from '../../src/cli/main.ts';
import { bewaarder, ROOT } from '../support/cli.ts';
import { scanAndSignal } from '../support/scan-process.ts';

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
/** The same commands in this process (no start-up cost): for the read-only commands, once the executable is proven. */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Files as they are on a share: not written a moment ago. */
function settle(folder: string): void {
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
  }
}

const SUMMARY_FIELDS = ['found', 'classified', 'skipped', 'errors', 'deleted', 'moved', 'seconds', 'status'];

describe('bewaarder scan, list, stats', () => {
  let dir: string;
  let docs: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bewaarder-cli-scan-'));
    docs = join(dir, 'documenten');
    cpSync(join(ROOT, 'fixtures/examples'), docs, { recursive: true });
    mkdirSync(join(docs, 'hr'));
    writeFileSync(join(docs, 'hr', 'kapot.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0, 0x10, 0x11, 0, 5]));
    settle(docs);
    db = join(dir, 'resultaten', 'bewaarder.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scans a folder and prints one summary object with --json; a rescan classifies nothing', () => {
    const run = bewaarder(['scan', '--json', '--db', db, docs]);
    expect(run.code).toBe(0);
    const [summary, ...rest] = lines(run.stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(summary!)).toEqual(expect.arrayContaining(SUMMARY_FIELDS));
    expect(summary).toMatchObject({ found: 6, classified: 5, skipped: 0, errors: 1, deleted: 0, status: 'completed' });
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    const again = JSON.parse(bewaarder(['scan', '--json', '--db', db, docs]).stdout);
    expect(again).toMatchObject({ found: 6, classified: 0, skipped: 6, errors: 0, fetched: 0 });
  });

  it('lists the stored results in the classify contract, plus id, location, status and scan time', () => {
    const listed = lines(bewaarder(['list', '--json', '--db', db]).stdout);
    const classified = lines(bewaarder(['classify', '--json', docs]).stdout);
    expect(listed).toHaveLength(6);
    for (const doc of listed) {
      expect(doc).toMatchObject({ id: expect.any(Number), location: expect.any(String), status: expect.any(String), scannedAt: expect.any(String) });
      const same = classified.find((c) => c.path === join(docs, doc.location))!;
      const { id, location, status, scannedAt, path, ...contract } = doc;
      expect(path).toBe(join(docs, location));
      if (same.error) {
        expect({ status, error: contract.error }).toEqual({ status: 'error', error: same.error });
      } else {
        expect(status).toBe('classified');
        const { path: _p, ...expected } = same;
        expect(contract).toEqual(expected);
      }
    }
  });

  it('filters the list by label, type, category and status', async () => {
    const locations = async (args: string[]) => lines((await cli(['list', '--json', '--db', db, ...args])).stdout).map((d) => d.location).sort();
    expect(await locations(['--label', 'bijzonder'])).toEqual(['kopie-id-mail.eml', 'verzuim-brief.txt']);
    expect(await locations(['--category', 'bsn'])).toEqual(['verzuim-brief.txt']);
    expect(await locations(['--type', 'factuur'])).toEqual(['factuur-zakelijk.md']);
    expect(await locations(['--status', 'error'])).toEqual(['hr/kapot.txt']);
    const table = await cli(['list', '--db', db, '--label', 'geen']);
    expect(table.stdout).toMatch(/^geen\s+factuur\s+\S+factuur-zakelijk\.md$/m);
    expect(table.stderr).toContain('2 documents');
  });

  it('counts per label, type, category and location', async () => {
    const stats = JSON.parse((await cli(['stats', '--json', '--db', db])).stdout);
    expect(stats).toMatchObject({
      documents: 6,
      errors: 1,
      deleted: 0,
      byLabel: { bijzonder: 2, generiek: 1, geen: 2 },
      byType: { factuur: 1 },
      byCategory: { bsn: 1 },
      lastRun: { status: 'completed' },
    });
    expect(stats.byLocation).toEqual([
      { location: docs, documents: 5, byLabel: { bijzonder: 2, generiek: 1, geen: 2 } },
      { location: `${docs}/hr`, documents: 1, byLabel: { error: 1 } },
    ]);
    const table = await cli(['stats', '--db', db]);
    expect(table.stdout).toContain('6 documents (1 not readable)');
    expect(table.stdout).toMatch(/bijzonder\s+2/);
  });

  it('reflects a deletion and a copy, and never prints a raw identifier', async () => {
    // Copied before anything is deleted: a new file may otherwise reuse a freed inode, and so continue that record.
    cpSync(join(docs, 'verzuim-brief.txt'), join(docs, 'hr', 'brief.txt'), { preserveTimestamps: true });
    rmSync(join(docs, 'hr', 'kapot.txt'));
    rmSync(join(docs, 'verzuim-brief.txt'));
    const summary = JSON.parse(bewaarder(['scan', '--json', '--db', db, docs]).stdout);
    // A copy is a new file (a new inode) with the same content; the original is gone.
    expect(summary).toMatchObject({ found: 5, classified: 1, deleted: 2 });
    const outputs = [await cli(['list', '--json', '--db', db]), await cli(['list', '--db', db, '--status', 'deleted']), await cli(['stats', '--db', db])];
    for (const out of outputs) expect(out.stdout + out.stderr).not.toMatch(/123456782|1234\.56\.782|NL91 ?ABNA|0417 ?1643|f\.elamrani@/);
  });

  it('keeps its database in ./.bewaarder by default and never scans it', async () => {
    const cwd = join(dir, 'werkmap');
    cpSync(join(ROOT, 'fixtures/examples'), cwd, { recursive: true });
    settle(cwd);
    const first = bewaarder(['scan', '--json', '.'], { cwd });
    expect(JSON.parse(first.stdout)).toMatchObject({ found: 5, classified: 5 });
    expect(existsSync(join(cwd, '.bewaarder', 'bewaarder.db'))).toBe(true);
    expect(JSON.parse(bewaarder(['scan', '--json', '.'], { cwd }).stdout)).toMatchObject({ found: 5, classified: 0 });
    const listed = bewaarder(['list', '--json'], { cwd });
    expect(lines(listed.stdout)).toHaveLength(5);
    // A database named anywhere, even in the scanned folder itself: never scanned.
    const here = await cli(['scan', '--json', '--quiet', '--db', join(cwd, 'resultaten.db'), cwd]);
    expect(JSON.parse(here.stdout)).toMatchObject({ found: 5, classified: 5 });
  });

  it('has --help on each command, and rejects wrong usage with status 2', async () => {
    const help = bewaarder(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: bewaarder scan');
    for (const command of ['scan', 'list', 'stats']) {
      const inProcess = await cli([command, '--help']);
      expect(inProcess.code).toBe(0);
      expect(inProcess.stdout).toContain(`Usage: bewaarder ${command}`);
      expect(inProcess.stdout).toContain('.bewaarder/bewaarder.db');
    }
    expect((await cli(['--help'])).stdout).toMatch(/scan .*\n.*list .*\n.*stats /);
    expect(bewaarder(['scan']).code).toBe(2);
    expect((await cli(['scan', '--concurrency', '0', 'x'])).code).toBe(2);
    expect((await cli(['list', '--label', 'geheim'])).code).toBe(2);
  });

  it('says so when there are no results yet, and fails on a folder that does not exist', () => {
    const list = bewaarder(['list', '--db', join(dir, 'nergens.db')]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('no results');
    expect(existsSync(join(dir, 'nergens.db'))).toBe(false);
    const scan = bewaarder(['scan', '--db', join(dir, 'x.db'), join(dir, 'bestaat-niet')]);
    expect(scan.code).toBe(1);
    expect(scan.stderr).toContain('does not exist');
  });
});

describe('Ctrl-C during bewaarder scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-cli-sigint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops after the documents in flight (status 130), and the same command continues the run', async () => {
    const root = join(dir, 'bron');
    generateFolder(root, { count: 200, seed: 9 });
    const db = join(dir, 'db', 'bewaarder.db');
    const args = ['scan', '--json', '--concurrency', '1', '--db', db, root];
    const stopped = await scanAndSignal(args, db, 'SIGINT', (p) => p.documents >= 20);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('stopping after the documents in flight');
    const first = JSON.parse(stopped.stdout);
    expect(first).toMatchObject({ status: 'interrupted', complete: false });
    expect(first.classified).toBeLessThan(200);
    const rerun = bewaarder(args);
    expect(rerun.code).toBe(0);
    const second = JSON.parse(rerun.stdout);
    expect(second).toMatchObject({ status: 'completed', resumed: true, run: first.run, deleted: 0 });
    expect(first.classified + second.classified).toBe(200);
  });
});
