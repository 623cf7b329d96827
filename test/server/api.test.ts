import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, PASSWORD, scanAll, startTestServer, type TestServer } from './support.ts';

const RAW_BSN = '1234.56.782';

describe('the HTTP API', () => {
  let t: TestServer;
  let admin: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let auditor: ReturnType<typeof client>;
  let anonymous: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await startTestServer();
    admin = client(t.url, t.tokens.administrator);
    manager = client(t.url, t.tokens['records-manager']);
    auditor = client(t.url, t.tokens.auditor);
    anonymous = client(t.url);
    await scanAll(t.url, t.tokens.administrator);
  });
  afterAll(() => t?.close());

  it('answers anonymous callers 401 and a wrong token 401, and describes itself in OpenAPI', async () => {
    expect((await anonymous('/api/v1/documents')).status).toBe(401);
    const wrong = await client(t.url, 'x'.repeat(43))('/api/v1/documents');
    expect(wrong.status).toBe(401);
    expect(wrong.data.error.code).toBe('invalid-token');
    const doc = await anonymous('/api/v1/openapi.json');
    expect(doc.data.openapi).toBe('3.1.0');
    expect(Object.keys(doc.data.paths)).toEqual(expect.arrayContaining(['/documents', '/documents/{id}', '/classify', '/scans/{id}/events', '/disposition/approve']));
  });

  it('sends security headers: CSP without inline script, nosniff, no framing, no referrer', async () => {
    const res = await anonymous('/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.text).toContain('<script type="module" src="/js/app.js">');
  });

  it('signs in with a password: an httpOnly SameSite cookie, and changes need the CSRF token', async () => {
    const login = await anonymous('/api/v1/session', { method: 'POST', json: { name: 'records-manager', password: PASSWORD } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    const withCookie = (path: string, init: RequestInit = {}) => fetch(`${t.url}${path}`, { ...init, headers: { Cookie: session, 'Content-Type': 'application/json', ...init.headers } });
    expect((await withCookie('/api/v1/session')).status).toBe(200);
    const body = JSON.stringify({ label: 'bijzonder' });
    const forged = await withCookie('/api/v1/documents/1/review', { method: 'POST', body });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as any).error.code).toBe('csrf');
    const real = await withCookie('/api/v1/documents/1/review', { method: 'POST', body, headers: { 'X-CSRF-Token': login.data.csrfToken } });
    expect(real.status).toBe(200);
    expect((await withCookie('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': login.data.csrfToken } })).status).toBe(204);
    expect((await withCookie('/api/v1/session')).status).toBe(401);
  });

  it('limits failed sign-ins: the sixth wrong password in a row waits (429)', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await anonymous('/api/v1/session', { method: 'POST', json: { name: 'auditor', password: 'wrong password!' } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const audit = await admin('/api/v1/audit');
    expect(audit.data.entries.filter((e: any) => e.action === 'sign-in.failed').length).toBeGreaterThanOrEqual(5);
  });

  it('lists documents bijzonder first, with filters and paging; bad filters are 400 with a message', async () => {
    const all = await auditor('/api/v1/documents?sort=priority');
    expect(all.data.total).toBe(5);
    expect(all.data.documents[0].label).toBe('bijzonder');
    const page = await auditor('/api/v1/documents?sort=location&limit=2&offset=2');
    expect(page.data).toMatchObject({ total: 5, offset: 2, limit: 2 });
    expect(page.data.documents.map((d: any) => d.name)).toEqual(all.data.documents.map((d: any) => d.name).sort().slice(2, 4));
    const special = await auditor('/api/v1/documents?label=bijzonder&category=health');
    expect(special.data.documents.map((d: any) => d.name)).toEqual(['verzuim-brief.txt']);
    expect((await auditor('/api/v1/documents?location=verzuim')).data.total).toBe(1);
    expect(JSON.stringify(all.data)).not.toContain('evidence');
    const bad = await auditor('/api/v1/documents?label=geheim');
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toContain('"label" must be one of geen, generiek, bijzonder');
    expect((await auditor('/api/v1/documents?limit=9999')).status).toBe(400);
    expect((await auditor('/api/v1/documents?scannedFrom=gisteren')).status).toBe(400);
  });

  it('shows one document with masked evidence and explanations, and records who looked', async () => {
    const list = await auditor('/api/v1/documents?label=bijzonder&category=health');
    const id = list.data.documents[0].id;
    const doc = await auditor(`/api/v1/documents/${id}`);
    expect(doc.status).toBe(200);
    const bsn = doc.data.findings.find((f: any) => f.category === 'bsn');
    expect(bsn.evidence).toMatch(/\*/);
    expect(bsn.explanation.length).toBeGreaterThan(10);
    expect(doc.text).not.toContain(RAW_BSN);
    expect(doc.text).not.toContain('NL91 ABNA');
    expect(doc.data.sourceUrl).toMatch(/^file:\/\/.*verzuim-brief\.txt$/);
    const history = (await auditor(`/api/v1/documents/${id}`)).data.history;
    expect(history.filter((e: any) => e.action === 'document.viewed' && e.actor === 'auditor').length).toBeGreaterThanOrEqual(1);
    expect((await auditor('/api/v1/documents/999999')).status).toBe(404);
    expect((await auditor('/api/v1/documents/abc')).status).toBe(400);
  });

  it('enforces roles: an auditor cannot review, scan or approve; a records manager cannot scan or read the audit log', async () => {
    expect((await auditor('/api/v1/documents/2/review', { method: 'POST', json: { label: 'geen' } })).status).toBe(403);
    expect((await auditor('/api/v1/reviews', { method: 'POST', json: { ids: [2] } })).status).toBe(403);
    expect((await auditor('/api/v1/disposition/approve', { method: 'POST', json: { ids: [2] } })).status).toBe(403);
    expect((await auditor('/api/v1/scans', { method: 'POST', json: {} })).status).toBe(403);
    expect((await auditor('/api/v1/audit')).status).toBe(200);
    expect((await manager('/api/v1/scans', { method: 'POST', json: {} })).status).toBe(403);
    const denied = await manager('/api/v1/audit');
    expect(denied.status).toBe(403);
    expect(denied.data.error.message).toBe('your role may not read the audit log');
  });

  it('records a correction with the person; bulk confirms; the audit log keeps both', async () => {
    const [first, second] = (await manager('/api/v1/documents?sort=location&review=unreviewed')).data.documents;
    const corrected = await manager(`/api/v1/documents/${first.id}/review`, { method: 'POST', json: { label: 'bijzonder', documentType: 'notulen', comment: 'bevat medische notitie' } });
    expect(corrected.data).toMatchObject({ status: 'corrected', label: 'bijzonder', documentType: 'notulen' });
    const bulk = await manager('/api/v1/reviews', { method: 'POST', json: { ids: [second.id, 999999] } });
    expect(bulk.data.results.map((r: any) => r.ok)).toEqual([true, false]);
    const after = await manager(`/api/v1/documents/${first.id}`);
    expect(after.data).toMatchObject({ label: 'bijzonder', documentType: 'notulen', review: { status: 'corrected', reviewer: 'records-manager', comment: 'bevat medische notitie' } });
    expect(after.data.history.map((e: any) => e.action)).toContain('review.corrected');
    expect((await manager('/api/v1/documents?review=corrected')).data.documents.map((d: any) => d.id)).toContain(first.id);
    expect((await manager('/api/v1/documents/1/review', { method: 'POST', json: { documentType: 'geen-type' } })).status).toBe(400);
  });

  it('classifies an uploaded file for a DMS (multipart or raw), stores nothing, and refuses too large a file', async () => {
    const before = (await admin('/api/v1/stats')).data.documents;
    const bytes = readFileSync(join(t.docs, 'verzuim-brief.txt'));
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'brief.txt');
    const multipart = await manager('/api/v1/classify', { method: 'POST', body: form });
    expect(multipart.status).toBe(200);
    expect(multipart.data).toMatchObject({ path: 'brief.txt', label: 'bijzonder' });
    expect(multipart.data.categories).toEqual(expect.arrayContaining(['bsn', 'health']));
    expect(multipart.text).not.toContain(RAW_BSN);
    const raw = await manager('/api/v1/classify', { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent('brief ziek.txt') } });
    expect(raw.data).toMatchObject({ path: 'brief ziek.txt', label: 'bijzonder' });
    expect((await admin('/api/v1/stats')).data.documents).toBe(before);
    const big = await manager('/api/v1/classify', { method: 'POST', body: new Uint8Array(300_000), headers: { 'Content-Type': 'application/octet-stream' } });
    expect(big.status).toBe(413);
    expect((await manager('/api/v1/classify', { method: 'POST' })).status).toBe(400);
    expect((await anonymous('/api/v1/classify', { method: 'POST', body: bytes })).status).toBe(401);
  });

  it('follows a scan live over Server-Sent Events and lists it in the history', async () => {
    const started = await admin('/api/v1/scans', { method: 'POST', json: {} });
    expect(started.status).toBe(202);
    expect((await admin('/api/v1/scans', { method: 'POST', json: {} })).status).toBe(409);
    const res = await fetch(`${t.url}/api/v1/scans/${started.data.id}/events`, { headers: { Authorization: `Bearer ${t.tokens.auditor}` } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text(); // the stream ends after the `done` event
    const events = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => ({ type: m[1], job: JSON.parse(m[2]!) }));
    expect(events.at(-1)).toMatchObject({ type: 'done', job: { status: 'completed' } });
    expect(events.at(-1)!.job.results[0].summary).toMatchObject({ found: 5, skipped: 5 });
    const history = await auditor('/api/v1/scans');
    expect(history.data.runs.length).toBeGreaterThanOrEqual(2);
    expect(history.data.targets).toEqual([expect.objectContaining({ kind: 'filesystem', id: t.docs })]);
    const other = await admin('/api/v1/scans', { method: 'POST', json: { targets: ['/etc'] } });
    expect(other.status).toBe(400);
  });
});
