import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxTenant, type SandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { connect, drain, USERS, writeTenant, type TestClient } from './support.ts';

let sandbox: SandboxTenant;
let client: TestClient;
const IMMUTABLE = { prefer: 'IdType="ImmutableId", odata.maxpagesize=3' };
const jan = USERS.jan.id;

beforeAll(async () => {
  sandbox = await startSandboxTenant({ root: writeTenant(2), throttling: false });
  client = await connect(sandbox);
});
afterAll(async () => {
  await client.dispatcher.close();
  await sandbox.close();
});

type Folder = { id: string; displayName: string; parentFolderId: string };
async function folder(name: string): Promise<Folder> {
  const { items } = await drain(client, `/users/${jan}/mailFolders/delta`);
  return (items as unknown as Folder[]).find((f) => f.displayName === name)!;
}
const messagesDelta = (f: Folder) => `/users/${jan}/mailFolders/${f.id}/messages/delta`;

describe('sandbox tenant: mail', () => {
  it('lists nested folders in mailFolders/delta and pages messages by Prefer odata.maxpagesize', async () => {
    const projecten = await folder('Projecten');
    const inbox = await folder('Inbox');
    expect(projecten.parentFolderId).toBe(inbox.id);
    const { pages, items, deltaLink } = await drain(client, messagesDelta(projecten), IMMUTABLE);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(items.map((m) => m['subject'])).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Project ${i}`));
    expect(deltaLink).toContain('$deltatoken=');
    expect((await drain(client, deltaLink, IMMUTABLE)).items).toEqual([]);
  });

  it('keeps immutable ids across a move; default ids look deleted and re-created', async () => {
    const inbox = await folder('Inbox');
    const projecten = await folder('Projecten');
    const first = await drain(client, messagesDelta(projecten), IMMUTABLE);
    const plain = await drain(client, messagesDelta(projecten), { prefer: 'odata.maxpagesize=50' });
    const immutableId = first.items.find((m) => m['subject'] === 'Project 6')!['id'] as string;
    const restId = plain.items.find((m) => m['subject'] === 'Project 6')!['id'] as string;
    expect(restId).not.toBe(immutableId);
    const inboxStart = await drain(client, messagesDelta(inbox), IMMUTABLE);
    sandbox.control.moveMessage({ user: USERS.jan.upn, message: immutableId, folder: 'Inbox' });
    const leftImmutable = await drain(client, first.deltaLink, IMMUTABLE);
    expect(leftImmutable.items).toEqual([{ '@odata.type': '#microsoft.graph.message', id: immutableId, '@removed': { reason: 'deleted' } }]);
    const leftPlain = await drain(client, plain.deltaLink, { prefer: 'odata.maxpagesize=50' });
    expect(leftPlain.items).toEqual([expect.objectContaining({ id: restId, '@removed': { reason: 'deleted' } })]);
    const arrived = await drain(client, inboxStart.deltaLink, IMMUTABLE);
    expect(arrived.items.map((m) => m['id'])).toEqual([immutableId]);
    expect((await client.graph(`/users/${jan}/messages/${restId}`)).status).toBe(404);
    expect((await client.graph(`/users/${jan}/messages/${immutableId}`)).status).toBe(200);
  });

  it('returns the message as MIME that mailparser reads back with its attachments, nested mail included', async () => {
    const inbox = await folder('Inbox');
    const { items } = await drain(client, messagesDelta(inbox), IMMUTABLE);
    const message = items.find((m) => String(m['subject']).startsWith('Sollicitatie'))!;
    expect(message['hasAttachments']).toBe(true);
    const res = await client.graph(`/users/${jan}/messages/${message['id'] as string}/$value`);
    expect(res.status).toBe(200);
    const parsed = await simpleParser(Buffer.from(await res.arrayBuffer()));
    expect(parsed.subject).toBe('Sollicitatie – één vacature');
    expect(parsed.from?.value[0]).toEqual(expect.objectContaining({ name: 'Émile Dubois', address: 'emile@example.org' }));
    expect(parsed.html).toContain('Hierbij mijn sollicitatie.');
    const names = parsed.attachments.map((a) => [a.contentType, a.filename]);
    expect(names).toEqual([['text/plain', 'cv.txt'], ['message/rfc822', 'Doorgestuurd: Ziekmelding.eml']]);
    const nested = await simpleParser(parsed.attachments[1]!.content);
    expect(nested.subject).toBe('Ziekmelding');
    expect(nested.attachments.map((a) => a.filename)).toEqual(['verklaring.txt']);
    expect(nested.attachments[0]!.content.toString()).toContain('Curriculum vitae');
  });

  it('lists attachments (file with contentBytes, item without) and answers $value, 405 for a reference', async () => {
    const inbox = await folder('Inbox');
    const { items } = await drain(client, messagesDelta(inbox), IMMUTABLE);
    const id = items.find((m) => String(m['subject']).startsWith('Sollicitatie'))!['id'] as string;
    const list = await client.json<{ value: Record<string, unknown>[] }>(`/users/${jan}/messages/${id}/attachments`);
    expect(list.value.map((a) => a['@odata.type'])).toEqual(['#microsoft.graph.fileAttachment', '#microsoft.graph.itemAttachment', '#microsoft.graph.referenceAttachment']);
    expect(Buffer.from(list.value[0]!['contentBytes'] as string, 'base64').toString()).toContain('Curriculum vitae');
    expect(list.value[1]!['contentBytes']).toBeUndefined();
    const item = await client.graph(`/users/${jan}/messages/${id}/attachments/${list.value[1]!['id'] as string}/$value`);
    expect((await simpleParser(Buffer.from(await item.arrayBuffer()))).subject).toBe('Ziekmelding');
    expect((await client.graph(`/users/${jan}/messages/${id}/attachments/${list.value[2]!['id'] as string}/$value`)).status).toBe(405);
  });

  it('writes categories and an extended property (readable with $expand), and the change shows in delta', async () => {
    const inbox = await folder('Inbox');
    const start = await drain(client, messagesDelta(inbox), IMMUTABLE);
    const id = start.items.find((m) => String(m['subject']).startsWith('Sollicitatie'))!['id'] as string;
    const propId = 'String {0f5a3c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b} Name Bewaarder';
    const patched = await client.graph(`/users/${jan}/messages/${id}`, { method: 'PATCH', headers: IMMUTABLE, body: { categories: ['Bewaarder: bijzonder'], singleValueExtendedProperties: [{ id: propId, value: 'bijzonder' }] } });
    expect(patched.status).toBe(200);
    const read = await client.json(`/users/${jan}/messages/${id}?$expand=singleValueExtendedProperties($filter=id eq '${propId}')`, { headers: IMMUTABLE });
    expect(read['categories']).toEqual(['Bewaarder: bijzonder']);
    expect(read['singleValueExtendedProperties']).toEqual([{ id: propId, value: 'bijzonder' }]);
    const stale = await client.graph(`/users/${jan}/messages/${id}`, { method: 'PATCH', headers: { ...IMMUTABLE, 'if-match': start.items[0]!['@odata.etag'] as string }, body: { categories: [] } });
    expect(stale.status).toBe(412);
    const changes = await drain(client, start.deltaLink, IMMUTABLE);
    expect(changes.items.map((m) => m['id'])).toEqual([id]);
  });

  it('shows added, changed and deleted messages in the next delta; an expired token answers syncStateNotFound', async () => {
    const inbox = await folder('Inbox');
    const start = await drain(client, messagesDelta(inbox), IMMUTABLE);
    const { id: added } = sandbox.control.addMessage({ user: jan, folder: 'Inbox', subject: 'Nieuw', body: { content: 'Hallo' } });
    const changed = start.items.find((m) => m['subject'] === 'Project 6')!['id'] as string;
    sandbox.control.changeMessage({ user: jan, message: changed, subject: 'Project 6 (bijgewerkt)' });
    const deleted = start.items.find((m) => String(m['subject']).startsWith('Sollicitatie'))!['id'] as string;
    expect((await client.graph(`/users/${jan}/messages/${deleted}`, { method: 'DELETE' })).status).toBe(204);
    const changes = await drain(client, start.deltaLink, IMMUTABLE);
    expect(changes.items.map((m) => m['subject'] ?? m['@removed'])).toEqual(['Nieuw', 'Project 6 (bijgewerkt)', { reason: 'deleted' }]);
    expect(changes.items.map((m) => m['id'])).toEqual([added, changed, deleted]);
    const created = await drain(client, `${messagesDelta(inbox)}?changeType=created`, IMMUTABLE);
    expect(created.items.length).toBeGreaterThan(0);
    sandbox.control.expireDeltaTokens({ user: jan });
    const expired = await client.graph(changes.deltaLink, { headers: IMMUTABLE });
    expect(expired.status).toBe(400);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('syncStateNotFound');
  });
});
