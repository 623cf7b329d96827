import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { makeTenantWorld } from '../../retention/tenant-world.ts';
import { cleanUp, cli, emptyLibraryTenant, writeTenantConfig } from './support.ts';
import { startSandboxTenant } from '../../../src/sandbox-tenant/index.ts';

afterAll(cleanUp);

describe('write-back, then purge', () => {
  it("puts retention's disposal date on each document, follows its own eTag and change key, and the purge deletes without a version conflict", async () => {
    const w = await makeTenantWorld({ scan: { writeBack: true } });
    try {
      const docs = (await w.retention.due()).groups.flatMap((g) => g.items);
      const file = docs.find((d) => d.source.kind === 'sharepoint' && d.location === 'begroting.csv')!;
      const message = docs.find((d) => d.source.kind === 'mail' && d.location === 'Inbox/Projecten/Project 1.eml')!;
      // What a user sees in the library: the label, the type and the date retention scheduled.
      const fields = await w.tenant.transport.request<Record<string, unknown>>({ url: `/drives/${file.source.root}/items/${file.itemId}/listItem/fields` });
      expect(fields.body).toMatchObject({ BewaarderLabel: file.label, BewaarderType: file.documentType, BewaarderBewarenTot: file.disposeAfter });
      // The store holds the version the tenant shows now (after the column write), not the one the scan listed.
      const live = await w.tenant.transport.request<{ eTag: string }>({ url: `/drives/${file.source.root}/items/${file.itemId}?$select=id,eTag` });
      expect(file.version).toBe(live.body.eTag);
      expect(file.version).toMatch(/,2"$/); // listed at 1, written once
      const m = await w.tenant.transport.request<{ changeKey: string; categories: string[] }>({
        url: `/users/${message.source.root}/messages/${message.itemId}?$select=id,changeKey,categories`, headers: { Prefer: 'IdType="ImmutableId"' },
      });
      expect(m.body.categories).toContain(`Bewaarder: ${message.label}`);
      expect(message.version).toBe(m.body.changeKey);

      await w.approve([file.documentId, message.documentId]);
      const summary = await w.retention.purge({ connectorFor: w.connectorFor, rate: 1000 });
      expect(summary.skipped).toBe(0);
      expect(summary.outcomes.filter((o) => [file.documentId, message.documentId].includes(o.documentId)).map((o) => o.result)).toEqual(['deleted', 'deleted']);
      expect(await w.exists(file.documentId)).toBe(false);
      expect(await w.exists(message.documentId)).toBe(false);
    } finally {
      await w.close();
    }
  });

  it('bewaarder scan --tenant --write-back, then bewaarder purge --tenant: deleted, with proof; without --tenant skipped with the reason', async () => {
    const { root } = emptyLibraryTenant();
    const sandbox = await startSandboxTenant({ root, throttling: false });
    try {
      const drive = sandbox.control.drives()[0]!.id;
      sandbox.control.addFile({ drive, path: 'Verzuim/ziekmelding.txt', content: 'Ziekmelding: mevrouw J. de Vries is ziek, de bedrijfsarts stelt een burn-out vast. BSN 111222333.' });
      const { dir, config } = writeTenantConfig(sandbox);
      const db = join(dir, 'b.db');
      expect((await cli(['scan', '--tenant', config, '--write-back', '--json', '--quiet', '--db', db])).code).toBe(0);
      // The sick note waits for the end of employment; it ended long enough ago.
      expect((await cli(['set-trigger', '--location', 'Verzuim', '--date', '2020-01-31', '--as', 'hr', '--db', db])).code).toBe(0);
      const due = await cli(['due', '--json', '--db', db]);
      const queue = JSON.parse(due.out.join('\n')) as { groups: { items: { documentId: number; location: string }[] }[] };
      const [sick] = queue.groups.flatMap((g) => g.items);
      expect(sick).toMatchObject({ location: 'Verzuim/ziekmelding.txt' });
      expect((await cli(['approve', String(sick!.documentId), '--as', 'r.manager', '--db', db])).code).toBe(0);

      const without = await cli(['purge', '--json', '--db', db]);
      expect(without.code).toBe(0);
      expect(JSON.parse(without.out[0]!)).toMatchObject({ result: 'skipped', reason: 'no-connector', message: expect.stringContaining('--tenant') });

      const dry = await cli(['purge', '--tenant', config, '--dry-run', '--db', db]);
      expect(dry.out.join('\n')).toMatch(/te verwijderen .*sharepoint:.*\/Verzuim\/ziekmelding\.txt/);
      expect(sandbox.control.itemId({ drive, item: 'Verzuim/ziekmelding.txt' })).toBeTruthy();

      const run = await cli(['purge', '--tenant', config, '--json', '--db', db]);
      expect(run.err).toEqual([]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out[0]!)).toMatchObject({ documentId: sick!.documentId, result: 'deleted' });
      expect(JSON.parse(run.out.at(-1)!)).toMatchObject({ summary: { deleted: 1, skipped: 0 } });
      expect(() => sandbox.control.itemId({ drive, item: 'Verzuim/ziekmelding.txt' })).toThrow(/no item/);
      const store = openSqliteStore(db);
      try {
        expect((await store.disposals()).map((r) => [r.sourceKind, r.folder, r.policyId, r.answer])).toEqual([['sharepoint', 'Verzuim', 'verzuimdossier', 'deleted']]);
      } finally {
        await store.close();
      }
    } finally {
      await sandbox.close();
    }
  }, 120_000);
});
