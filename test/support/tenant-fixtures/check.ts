/**
 * Checks the manifest against the product: every library/OneDrive file and every message (written as an .eml,
 * attachments included) goes through `bewaarder classify --json`, and each label is compared with the manifest.
 * Run: `npx tsx test/support/tenant-fixtures/check.ts [--verbose]`. Prints agreement and the disagreements.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageJson, toEml } from './formats/index.ts';

const TENANT = fileURLToPath(new URL('../../../fixtures/tenant/', import.meta.url));
// BEWAARDER_BIN checks against another checkout (e.g. the last commit, while the tree is being edited).
const BIN = process.env.BEWAARDER_BIN ?? fileURLToPath(new URL('../../../src/cli/bewaarder.js', import.meta.url));
const manifest = JSON.parse(readFileSync(join(TENANT, 'manifest.json'), 'utf8')) as { documents: Record<string, { label: string; documentType?: string; why: string }> };
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const work = mkdtempSync(join(tmpdir(), 'tenant-check-'));
const read = (p: string) => new Uint8Array(readFileSync(join(TENANT, p)));
const load = (p: string) => JSON.parse(readFileSync(join(TENANT, p), 'utf8')) as MessageJson;
const keys = Object.keys(manifest.documents).filter((k) => only.length === 0 || only.some((o) => k.startsWith(o)));
const byCopy = new Map<string, string>();
for (const key of keys) {
  const target = key.startsWith('mail/') ? `${key}.eml` : key;
  mkdirSync(dirname(join(work, target)), { recursive: true });
  writeFileSync(join(work, target), key.startsWith('mail/') ? toEml(load(key), read, load) : read(key));
  byCopy.set(target, key);
}
const run = spawnSync(process.execPath, [BIN, 'classify', '--json', work], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
rmSync(work, { recursive: true, force: true });
const results = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { path: string; label: string; documentType?: string; error?: string; categories?: string[] });
let agree = 0;
let typeAgree = 0;
let typed = 0;
const rows: string[] = [];
for (const r of results) {
  const key = byCopy.get(relative(work, r.path)) ?? r.path;
  const want = manifest.documents[key];
  if (!want) continue;
  if (r.label === want.label) agree++;
  else rows.push(`LABEL ${key}: manifest ${want.label}, product ${r.label}${r.error ? ` (${r.error})` : ''} [${(r.categories ?? []).join(',')}] type=${r.documentType}`);
  if (want.documentType) {
    typed++;
    if (r.documentType === want.documentType) typeAgree++;
    else if (process.argv.includes('--verbose')) rows.push(`TYPE  ${key}: manifest ${want.documentType}, product ${r.documentType}`);
  }
}
const special = results.filter((r) => manifest.documents[byCopy.get(relative(work, r.path)) ?? '']?.label === 'bijzonder');
console.log(rows.sort().join('\n'));
console.log(`classified ${results.length}/${keys.length}; labels agree ${agree}/${results.length} (${((100 * agree) / results.length).toFixed(1)} %); bijzonder flagged ${special.filter((r) => r.label === 'bijzonder').length}/${special.length}; types agree ${typeAgree}/${typed}`);
