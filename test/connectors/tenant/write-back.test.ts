import { afterAll, describe, expect, it } from 'vitest';
import { scanTenant } from '../../../connectors/tenant/index.ts';
import { expectedDocuments } from './fixture-index.ts';
import { cleanUp, openTempStore, quickClassifier, startTestTenant } from './support.ts';

const expected = expectedDocuments();
afterAll(cleanUp);

describe('write-back to the sandbox tenant', () => {
  it('puts label and type on every document (columns, mail categories), once, and a rescan reads none of them again', async () => {
    const tenant = await startTestTenant({ throttling: false });
    const store = openTempStore();
    try {
      const { calls, classify } = quickClassifier();
      const first = await scanTenant(tenant.transport, store, { scan: { classify }, writeBack: true });
      expect(first).toMatchObject({ status: 'completed', labelsWritten: expected.length, labelWritesFailed: 0 });

      // What a user sees in SharePoint and Outlook.
      const docs: { kind: string; root: string; itemId: string; label: string; type: string }[] = [];
      for await (const d of store.listDocuments()) docs.push({ kind: d.source.kind, root: d.source.root, itemId: d.itemId, label: d.classification!.label, type: d.classification!.documentType });
      const file = docs.find((d) => d.kind === 'sharepoint')!;
      const fields = await tenant.transport.request<Record<string, unknown>>({ url: `/drives/${file.root}/items/${file.itemId}/listItem/fields` });
      expect(fields.body).toMatchObject({ BewaarderLabel: file.label, BewaarderType: file.type });
      const columns = await tenant.transport.request<{ value: { name: string; displayName: string }[] }>({ url: `/drives/${file.root}/list/columns` });
      expect(columns.body.value.filter((c) => c.name.startsWith('Bewaarder')).map((c) => c.displayName).sort()).toEqual(['Bewaarder-bewaren-tot', 'Bewaarder-label', 'Bewaarder-type']);
      const message = docs.find((d) => d.kind === 'mail')!;
      const m = await tenant.transport.request<{ categories: string[] }>({ url: `/users/${message.root}/messages/${message.itemId}?$select=categories`, headers: { Prefer: 'IdType="ImmutableId"' } });
      expect(m.body.categories).toContain(`Bewaarder: ${message.label}`);

      // The writes changed eTags and change keys (so delta lists those items again), not content: nothing is read.
      const second = await scanTenant(tenant.transport, store, { scan: { classify }, writeBack: true });
      expect(second).toMatchObject({ status: 'completed', classified: 0, fetched: 0, labelsWritten: 0, documents: expected.length });
      expect(second.found).toBeGreaterThan(0);
      expect(calls).toHaveLength(expected.length);
    } finally {
      await store.close();
      await tenant.close();
    }
  });
});
