import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, scanAll, startTestServer, type TestServer } from './support.ts';

describe('learning from reviews', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await scanAll(t.url, t.tokens.administrator);
  });
  afterAll(() => t?.close());

  it('a corrected type retrains the type model: the next classification of that document shows it', async () => {
    const manager = client(t.url, t.tokens['records-manager']);
    const bytes = readFileSync(join(t.docs, 'verzuim-brief.txt'));
    const classify = async () => (await manager('/api/v1/classify', { method: 'POST', body: bytes, headers: { 'X-File-Name': 'brief.txt' } })).data;
    const before = await classify();
    expect(before.documentType).toBe('correspondentie');
    const doc = (await manager('/api/v1/documents?location=verzuim-brief')).data.documents[0];
    await manager(`/api/v1/documents/${doc.id}/review`, { method: 'POST', json: { documentType: 'ziekmelding' } });
    const after = await classify();
    expect(after.documentType).toBe('ziekmelding');
    expect(after.reasons.documentType).toContain('ziekmelding');
    expect((await manager('/api/v1/training')).data).toMatchObject({ examples: 1 });

    // The store keeps the reviewed document as keyed hashes of vocabulary stems: no words, no identifiers.
    const db = new Database(join(t.dir, 'data', 'bewaarder.db'), { readonly: true });
    const row = db.prepare('SELECT document_type, features FROM doctype_training').get() as { document_type: string; features: string };
    db.close();
    expect(row.document_type).toBe('ziekmelding');
    const keys = Object.keys(JSON.parse(row.features) as Record<string, number>);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(row.features).not.toMatch(/ziek|bedrijfsarts|meulen|782/i);

    // A later review that puts the type back retrains again: the model follows the reviewers, not the first answer.
    await manager(`/api/v1/documents/${doc.id}/review`, { method: 'POST', json: { documentType: 'correspondentie' } });
    expect((await classify()).documentType).toBe('correspondentie');
  });
});
