import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError, type Item, type Page } from '../../../connectors/connector.ts';
import { createMailConnector } from '../../../connectors/mail/index.ts';
import { memoryFolderStorage } from '../../../connectors/sharepoint/index.ts';
import type { DemoTenant } from '../../../src/cli/demo-sandbox.ts';
import { expectedDocuments } from '../tenant/fixture-index.ts';
import { cleanUp, startTestTenant } from '../tenant/support.ts';

async function listAll(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

describe('mail connector against the sandbox tenant', () => {
  let tenant: DemoTenant;
  const mail = expectedDocuments().filter((d) => d.kind === 'mail');
  const user = mail[0]!.root;
  beforeAll(async () => {
    tenant = await startTestTenant({ throttling: false });
  });
  afterAll(async () => {
    await tenant.close();
    cleanUp();
  });

  it('lists every message of every folder once, by folder path and subject, with immutable ids, in small pages', async () => {
    const connector = createMailConnector(tenant.transport, { userId: user });
    const pages = await listAll(connector.enumerate(null, { pageSize: 3 }));
    expect(pages.at(-1)!.last).toBe(true);
    expect(pages.every((p) => p.resync)).toBe(true); // the first listing is complete
    const items = pages.flatMap((p) => p.items);
    expect(items.map((i) => i.location).sort()).toEqual(mail.filter((m) => m.root === user).map((m) => m.location).sort());
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // A resumed listing from any page gives exactly the rest.
    const middle = pages[Math.floor(pages.length / 2)]!;
    const seen = pages.slice(0, pages.indexOf(middle) + 1).flatMap((p) => p.items.map((i) => i.id));
    const rest = (await listAll(connector.enumerate(middle.nextCursor, { pageSize: 3 }))).flatMap((p) => p.items.map((i) => i.id));
    expect([...seen, ...rest].sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('reads a message as MIME with its attachments, and deletes only the version it was given', async () => {
    const connector = createMailConnector(tenant.transport, { userId: user, folders: memoryFolderStorage() });
    const items: Item[] = (await listAll(connector.enumerate(null))).flatMap((p) => p.items);
    const bytes = (await connector.fetch(items[0]!)).bytes;
    const parsed = await simpleParser(Buffer.from(bytes));
    expect(`${parsed.subject}.eml`).toBe(items[0]!.name);
    await expect(connector.fetch(items[0]!, { maxBytes: 10 })).rejects.toSatisfy((e) => isConnectorError(e, 'too-large'));

    const target = items[1]!;
    tenant.sandbox.control.changeMessage({ user, message: target.id, subject: 'Ander onderwerp' });
    await expect(connector.delete(target, target.version)).rejects.toSatisfy((e) => isConnectorError(e, 'version-conflict'));
    const [changed] = (await listAll(connector.enumerate(null))).flatMap((p) => p.items).filter((i) => i.id === target.id);
    expect(changed!.name).toBe('Ander onderwerp.eml');
    await connector.delete(changed!, changed!.version);
    await expect(connector.fetch(changed!)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
    await expect(connector.delete(changed!, changed!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
  });
});
