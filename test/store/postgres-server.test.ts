import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDefaultSandbox } from '../../src/extract/sandbox.ts';
import { hashPassword, newSecret, secretHash } from '../../src/server/auth/passwords.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/server.ts';
import { connectPostgresStore } from '../../src/store/postgres/index.ts';
import { ROOT } from '../support/cli.ts';
import { usePostgres } from '../support/postgres.ts';
import { client, scanAll } from '../server/support.ts';

const cluster = usePostgres();
const KEY = 'cd'.repeat(32);
const dir = mkdtempSync(join(tmpdir(), 'bewaarder-pg-server-'));
afterAll(async () => {
  await closeDefaultSandbox();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web application on PostgreSQL (config db = a postgres:// URL)', () => {
  it('scans, lists and records a review through the API, into the database the URL names', async () => {
    const url = await cluster.createDatabase();
    const docs = join(dir, 'documenten');
    cpSync(join(ROOT, 'fixtures/examples'), docs, { recursive: true });
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const name of readdirSync(docs)) utimesSync(join(docs, name), hourAgo, hourAgo);
    process.env.BEWAARDER_KEY = KEY; // the server opens the store itself, from the URL, with this key
    const setup = await connectPostgresStore(url);
    const account = await setup.createAccount({ name: 'rm', role: 'records-manager', passwordHash: await hashPassword('x'.repeat(12)) });
    const admin = await setup.createAccount({ name: 'beheer', role: 'administrator', passwordHash: await hashPassword('x'.repeat(12)) });
    const [manager, administrator] = [newSecret(), newSecret()];
    await setup.createApiToken(account.id, 'test', secretHash(manager));
    await setup.createApiToken(admin.id, 'test', secretHash(administrator));
    await setup.close();

    const config = loadConfig(undefined, { port: 0, host: '127.0.0.1', db: url, folders: [docs] });
    expect(config.db).toBe(url);
    const server = await startServer({ config, log: () => {} });
    try {
      expect(await scanAll(server.url, administrator)).toMatchObject({ status: 'completed' });
      const call = client(server.url, manager);
      const listed = await call('/api/v1/documents?sort=priority');
      expect(listed.status).toBe(200);
      const first = listed.data.documents[0];
      expect(first).toMatchObject({ label: 'bijzonder' });
      const review = await call(`/api/v1/documents/${first.id}/review`, { method: 'POST', json: { label: 'bijzonder', documentType: 'notulen' } });
      expect(review.data).toMatchObject({ status: 'corrected', documentType: 'notulen' });
    } finally {
      await server.close();
    }
    const check = await connectPostgresStore(url);
    try {
      expect((await check.findDocuments({ review: 'corrected' })).documents.map((d) => d.location)).toHaveLength(1);
      expect((await check.stats()).documents).toBe(5);
    } finally {
      await check.close();
      delete process.env.BEWAARDER_KEY;
    }
  });
});
