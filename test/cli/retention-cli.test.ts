import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../support/cli.ts';

const BIN = fileURLToPath(new URL('../../src/cli/bewaarder.js', import.meta.url));
const LONG_AGO = new Date('2000-01-03T10:00:00Z'); // every time-based term has run out since

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
const json = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);

/** The examples, dated long ago, in a fresh folder; scanned into a fresh database. */
async function scanned(dir: string, name: string, extra: Record<string, string> = {}) {
  const docs = join(dir, name);
  cpSync(join(ROOT, 'fixtures/examples'), docs, { recursive: true });
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(docs, file), text);
  for (const f of readdirSync(docs)) utimesSync(join(docs, f), LONG_AGO, LONG_AGO);
  const db = join(dir, `${name}.db`);
  const scan = await cli(['scan', '--json', '--quiet', '--db', db, docs]);
  expect(scan.code).toBe(0);
  expect(json(scan.stdout)[0]).toMatchObject({ retention: { scheduled: expect.any(Number), needsTrigger: 1 } });
  return { docs, db };
}

async function dueIds(db: string): Promise<Map<string, number>> {
  const queue = json((await cli(['due', '--json', '--db', db])).stdout)[0]!;
  return new Map(queue.groups.flatMap((g: any) => g.items.map((i: any) => [i.location, i.documentId])));
}

describe('bewaarder due, approve, hold, set-trigger, purge, disposals, audit verify', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bewaarder-cli-retention-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks a records manager from the queue to the proof', async () => {
    const { docs, db } = await scanned(dir, 'a');
    const table = await cli(['due', '--db', db]);
    expect(table.stdout).toMatch(/^Due on \d{4}-\d{2}-\d{2}: 4 documents under 4 policies; 1 waiting for an event date/);
    expect(table.stdout).toMatch(/^fiscale-administratie — .*\n\s+\d+\s+2007-01-03\s+geen\s+factuur\s+wacht op akkoord \(reviewer\)\s+\S+factuur-zakelijk\.md$/m);
    const ids = await dueIds(db);

    // The ID copy waits for the end of employment; dated by folder, it needs no approval.
    const set = await cli(['set-trigger', '--location', '', '--date', '2010-06-30', '--event', 'end-of-employment', '--as', 'hr', '--db', db]);
    expect(set).toMatchObject({ code: 0, stdout: expect.stringMatching(/ok\s+end-of-employment 2010-06-30: dispose after 2015-06-30/) });

    const approve = await cli(['approve', String(ids.get('factuur-zakelijk.md')), String(ids.get('verzuim-brief.txt')), '--as', 'Petra', '--comment', 'termijn verstreken', '--db', db]);
    expect(approve.code).toBe(0);
    expect((await cli(['approve', '999999', '--db', db])).code).toBe(1);
    const hold = await cli(['hold', String(ids.get('verzuim-brief.txt')), '--as', 'FG', '--comment', 'klacht loopt', '--db', db]);
    expect(hold.stdout).toMatch(/^hold (\d+): document \d+ — placed .* by FG \(klacht loopt\)$/);

    const dry = await cli(['purge', '--dry-run', '--json', '--db', db]);
    const plan = json(dry.stdout);
    expect(plan.at(-1)).toMatchObject({ summary: { dryRun: true, planned: 2, held: 1, deleted: 0 } });
    expect(plan.slice(0, -1).map((o) => o.location).sort()).toEqual(['factuur-zakelijk.md', 'kopie-id-mail.eml']);
    expect(readdirSync(docs)).toHaveLength(5);

    const purge = await cli(['purge', '--json', '--rate', '100', '--as', 'nachtjob', '--db', db]);
    expect(json(purge.stdout).slice(0, -1).map((o) => [o.location, o.result]).sort()).toEqual([['factuur-zakelijk.md', 'deleted'], ['kopie-id-mail.eml', 'deleted']]);
    expect(existsSync(join(docs, 'factuur-zakelijk.md'))).toBe(false);
    expect(existsSync(join(docs, 'verzuim-brief.txt'))).toBe(true); // held

    const csv = (await cli(['disposals', '--csv', '--db', db])).stdout.split('\n');
    expect(csv[0]).toBe('seq,deletedAt,sourceKind,sourceRoot,folder,nameHash,documentType,label,categories,policy,ground,disposeAfter,approvers,permanent,answer,prevHash,hash');
    expect(csv).toHaveLength(3);
    expect(csv.join('\n')).toMatch(/Petra \(reviewer, [^)]*: termijn verstreken\)/);
    expect(csv.join('\n')).not.toMatch(/factuur-zakelijk|kopie-id-mail/);

    expect(await cli(['audit', 'verify', '--db', db])).toMatchObject({ code: 0, stdout: expect.stringMatching(/intact: 2 records/) });
    const release = await cli(['release', hold.stdout.match(/^hold (\d+)/)![1]!, '--as', 'FG', '--comment', 'klacht afgehandeld', '--db', db]);
    expect(release.stdout).toMatch(/released .* by FG \(klacht afgehandeld\)/);
    expect(json((await cli(['purge', '--json', '--db', db])).stdout).at(-1)).toMatchObject({ summary: { deleted: 1, held: 0 } });
  });

  it('audit verify finds a record that was edited, and one that was removed', async () => {
    const { db } = await scanned(dir, 'b');
    const ids = [...(await dueIds(db)).values()];
    await cli(['approve', ...ids.map(String), '--as', 'Petra', '--db', db]);
    await cli(['set-trigger', '--location', '', '--date', '2010-06-30', '--db', db]);
    await cli(['purge', '--rate', '100', '--db', db]);
    expect(json((await cli(['audit', 'verify', '--json', '--db', db])).stdout)[0]).toEqual({ ok: true, entries: 5 });

    const raw = new Database(db);
    raw.exec('DROP TRIGGER disposals_no_update');
    raw.prepare("UPDATE disposals SET policy_id = 'bedrijfsdocument' WHERE seq = 2").run();
    raw.close();
    const edited = await cli(['audit', 'verify', '--db', db]);
    expect(edited).toMatchObject({ code: 1, stdout: expect.stringContaining('record 2 its content does not match its hash (the entry was edited)') });

    const again = new Database(db);
    again.exec('DROP TRIGGER disposals_no_delete');
    again.prepare('DELETE FROM disposals WHERE seq >= 2').run(); // the edit, and every record after it
    again.close();
    expect(json((await cli(['audit', 'verify', '--json', '--db', db])).stdout)[0]).toEqual({ ok: false, entries: 1, broken: { seq: 2, reason: 'entry 2 is missing (the log once held 5 entries)' } });
  });

  it('killed mid-purge, the rerun finishes without deleting anything twice', async () => {
    const extra = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`lijst-${i}.csv`, `naam;email\nJan Jansen;j.jansen${i}@voorbeeld.nl\n`]));
    const { docs, db } = await scanned(dir, 'c', extra);
    const ids = [...(await dueIds(db)).values()];
    expect(ids.length).toBeGreaterThanOrEqual(12);
    await cli(['approve', ...ids.map(String), '--as', 'Petra', '--db', db]);

    const child = spawn(process.execPath, [BIN, 'purge', '--rate', '10', '--db', db], { stdio: 'ignore' });
    const killed = await new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        const reader = new Database(db, { readonly: true });
        const n = reader.prepare('SELECT count(*) FROM disposals').pluck().get() as number;
        reader.close();
        if (n >= 3) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve(n);
        }
      }, 5);
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(killed).toBeLessThan(ids.length);

    const rerun = json((await cli(['purge', '--json', '--rate', '100', '--db', db])).stdout).at(-1)!.summary;
    expect(rerun.skipped).toBe(0);
    const records = json((await cli(['disposals', '--json', '--db', db])).stdout);
    expect(records.map((r) => r.documentId).sort()).toEqual([...ids].sort());
    expect(readdirSync(docs).sort()).toEqual(['kopie-id-mail.eml']); // waits for its event date
    expect(json((await cli(['audit', 'verify', '--json', '--db', db])).stdout)[0]).toEqual({ ok: true, entries: ids.length });
  });

  it('has --help on each command and rejects wrong usage with status 2', async () => {
    for (const command of ['due', 'approve', 'extend', 'hold', 'release', 'set-trigger', 'purge', 'disposals', 'audit']) {
      const help = await cli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`^Usage: bewaarder ${command}`));
    }
    const db = join(dir, 'none.db');
    for (const args of [['approve'], ['approve', 'x'], ['extend', '1'], ['set-trigger', '1'], ['hold'], ['release'], ['audit'], ['purge', '--limit', '0']]) {
      expect((await cli([...args, '--db', db])).code, args.join(' ')).toBe(2);
    }
  });
});
