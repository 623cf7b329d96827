import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxTenant } from '../../../src/sandbox-tenant/index.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { cleanUp, cli, emptyLibraryTenant, tempDir, writeTenantConfig } from './support.ts';

afterAll(cleanUp);

describe('bewaarder scan --tenant CONFIG', () => {
  it('scans a tenant named by a config file, writes the labels back, and prints one JSON summary', async () => {
    const { root } = emptyLibraryTenant();
    const sandbox = await startSandboxTenant({ root, throttling: false });
    try {
      const drive = sandbox.control.drives()[0]!.id;
      sandbox.control.addFile({ drive, path: 'Verzuim/ziekmelding.txt', content: 'Ziekmelding: mevrouw J. de Vries is ziek, de bedrijfsarts stelt een burn-out vast. BSN 111222333.' });
      sandbox.control.addFile({ drive, path: 'Beleid/fietsplan.txt', content: 'Het fietsplan geldt voor alle medewerkers met een contract van minstens een jaar.' });
      const { dir, config } = writeTenantConfig(sandbox);
      const db = join(dir, 'b.db');
      const run = await cli(['scan', '--tenant', config, '--write-back', '--json', '--quiet', '--db', db]);
      expect(run.err).toEqual([]);
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.out[0]!);
      expect(summary).toMatchObject({ status: 'completed', documents: 2, errors: 0, labelsWritten: 2, earlyRetries: 0, sources: { sharepoint: { sources: 1, documents: 2 } } });
      expect(run.out[0]).not.toContain(sandbox.clientSecret);
      const store = openSqliteStore(db);
      const labels: Record<string, string> = {};
      for await (const d of store.listDocuments()) labels[d.location] = d.classification!.label;
      await store.close();
      expect(labels).toEqual({ 'Verzuim/ziekmelding.txt': 'bijzonder', 'Beleid/fietsplan.txt': 'geen' });

      const human = await cli(['scan', '--tenant', config, '--quiet', '--db', db]);
      expect(human.code).toBe(0);
      expect(human.out.join('\n')).toMatch(/Scanned the tenant: 2 documents \(SharePoint 2 in 1 library,/);
      expect(human.out.join('\n')).toMatch(/This run: \d+ listed, 0 classified/);
    } finally {
      await sandbox.close();
    }
  }, 120_000);

  it('says what is wrong with a config file, and that a folder and --tenant do not go together', async () => {
    const dir = tempDir();
    const config = join(dir, 'tenant.json');
    writeFileSync(config, JSON.stringify({ clientId: 'abc' }));
    const bad = await cli(['scan', '--tenant', config]);
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/tenantId is missing/);
    const both = await cli(['scan', '--tenant', config, 'map']);
    expect(both.code).toBe(2);
    const help = await cli(['demo', '--help']);
    expect(help.out.join('\n')).toMatch(/Usage: bewaarder demo/);
  });
});
