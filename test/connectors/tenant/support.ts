import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScaledClock } from '../../../connectors/graph/clock.ts';
import { defaultTextClassifier, type DocumentClassification } from '../../../src/classify-document.ts';
import { startDemoTenant, type DemoTenant } from '../../../src/cli/demo-sandbox.ts';
import { main } from '../../../src/cli/main.ts';
import type { SandboxTenant } from '../../../src/sandbox-tenant/index.ts';
import type { ScanOptions } from '../../../src/scan/index.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store } from '../../../src/store/store.ts';

const made: string[] = [];
export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function tempDir(prefix = 'bewaarder-tenant-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function openTempStore(): Store {
  return openSqliteStore(join(tempDir(), 'b.db'), { key: new Uint8Array(32).fill(9) });
}

/** One simulated second in real milliseconds: a Retry-After of 2 s passes in 10 ms, on both sides. */
export const SECOND_MS = 5;

/**
 * The sandbox tenant and the real transport (MSAL, the SDK, the throttling middleware) on a shared fast clock.
 */
export function startTestTenant(options: NonNullable<Parameters<typeof startDemoTenant>[0]> = {}): Promise<DemoTenant> {
  return startDemoTenant({ secondUnitMs: SECOND_MS, clock: createScaledClock(SECOND_MS / 1000), ...options });
}

/**
 * For tests of the crawl (what is listed, read, resumed), not of classification: the classifier on the text of
 * the raw bytes, counted. The demo's end-to-end test classifies for real.
 */
export function quickClassifier() {
  const calls: string[] = [];
  const classify: NonNullable<ScanOptions['classify']> = async (bytes, name): Promise<DocumentClassification> => {
    calls.push(name);
    const text = Buffer.from(bytes.subarray(0, 4000)).toString('latin1');
    return { ...defaultTextClassifier()(text), kind: 'text', parts: [], warnings: [] };
  };
  return { calls, classify };
}

/** A tenant with one site and one empty library (and no users), for the connector conformance suite. */
export function emptyLibraryTenant(): { root: string; siteId: string; libraryId: string } {
  const root = tempDir('bewaarder-empty-tenant-');
  const siteId = 'contoso.sharepoint.com,11111111-1111-4111-a111-111111111111,22222222-2222-4222-a222-222222222222';
  const libraryId = '33333333-3333-4333-a333-333333333333';
  mkdirSync(join(root, 'sites', 'test', 'Documenten'), { recursive: true });
  writeFileSync(join(root, 'tenant.json'), JSON.stringify({
    tenantId: '44444444-4444-4444-a444-444444444444', domain: 'test.nl', organisation: 'Test',
    users: [],
    sites: [{ id: siteId, name: 'test', displayName: 'Test', webUrl: 'https://contoso.sharepoint.com/sites/test', libraries: [{ id: libraryId, name: 'Documenten', folder: 'sites/test/Documenten' }] }],
  }));
  writeFileSync(join(root, 'manifest.json'), JSON.stringify({ documents: {} }));
  return { root, siteId, libraryId };
}

export async function documentsOf(store: Store): Promise<{ kind: string; root: string; location: string; label?: string; documentType?: string; status: string }[]> {
  const out = [];
  for await (const d of store.listDocuments()) {
    out.push({ kind: d.source.kind, root: d.source.root, location: d.location, status: d.status, ...(d.classification ? { label: d.classification.label, documentType: d.classification.documentType } : {}) });
  }
  return out;
}

/** Runs a `bewaarder` command in this process, as the CLI tests do, capturing its output lines. */
export async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A `bewaarder scan --tenant CONFIG` file for a running sandbox tenant, in a new temporary folder (mode 0600). */
export function writeTenantConfig(sandbox: SandboxTenant): { dir: string; config: string } {
  const dir = tempDir();
  const config = join(dir, 'tenant.json');
  writeFileSync(config, JSON.stringify({
    tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
    graphBaseUrl: sandbox.url, authorityHost: sandbox.url, authorityMetadata: sandbox.authorityMetadata,
    cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata, ca: sandbox.ca,
  }), { mode: 0o600 });
  return { dir, config };
}
