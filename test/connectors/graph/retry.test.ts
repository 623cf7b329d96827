import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphTransport, GraphError } from '../../../connectors/graph/index.ts';
import { json, startTestGraphServer } from './support/graph-server.ts';
import type { TestGraphServer } from './support/graph-server.ts';
import { testConfig } from './support/config.ts';

let server: TestGraphServer;
beforeAll(async () => {
  server = await startTestGraphServer();
});
afterAll(() => server.close());

/** Jitter fixed at 1×, so backoff is exactly base, 2×base, 4×base… */
const noJitter = { random: () => 0.5, baseBackoffMs: 25 };

describe('Graph transport: retries and errors', () => {
  it('retries 5xx with growing backoff, then succeeds', async () => {
    server.hits.length = 0;
    const statuses = [500, 502, 504];
    server.handle((_hit, res) => {
      const status = statuses.shift();
      return status ? json(res, status, { error: { code: 'generalException' } }) : json(res, 200, { value: ['ok'] });
    });
    const transport = createGraphTransport(testConfig(server), noJitter);
    const answer = await transport.request<{ value: string[] }>({ url: '/sites/getAllSites' });
    await transport.close();

    expect(answer.body.value).toEqual(['ok']);
    const gaps = server.hits.slice(1).map((hit, i) => hit.at - server.hits[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(24);
    expect(gaps[1]).toBeGreaterThanOrEqual(49);
    expect(gaps[2]).toBeGreaterThanOrEqual(99);
    expect(transport.counters).toMatchObject({ requests: 4, retried: 3, throttled: 0 });
  });

  it('gives up after maxRetries with a GraphError carrying status, code and request id', async () => {
    server.hits.length = 0;
    server.handle((_hit, res) => json(res, 500, { error: { code: 'generalException', message: 'Jan de Vries', innerError: { 'request-id': 'req-42' } } }));
    const transport = createGraphTransport(testConfig(server, { maxRetries: 2 }), { ...noJitter, baseBackoffMs: 1 });
    const failure = (await transport.request({ url: '/users?$filter=displayName eq \'Jan de Vries\'' }).catch((e: unknown) => e)) as GraphError;
    await transport.close();

    expect(server.hits).toHaveLength(3);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ status: 500, code: 'generalException', requestId: 'req-42' });
    // Neither the query nor Graph's message (which may quote it) reaches the error.
    expect(failure.message).toBe(`GET ${new URL(server.baseUrl).host}/v1.0/users: 500 generalException`);
  });

  it('retries a dropped connection', async () => {
    server.hits.length = 0;
    server.handle((hit, res, req) => (server.hits.length === 1 ? req.socket.destroy() : json(res, 200, { path: hit.path })));
    const transport = createGraphTransport(testConfig(server), { ...noJitter, baseBackoffMs: 1 });
    const answer = await transport.request<{ path: string }>({ url: '/drives/d1/items/i1' });
    expect(answer.body.path).toBe('/v1.0/drives/d1/items/i1');
    expect(transport.counters.retried).toBe(1);

    server.handle((_hit, _res, req) => req.socket.destroy());
    const failure = await transport.request({ url: '/drives/d1/items/i1' }).catch((e: unknown) => e);
    await transport.close();
    expect(failure).toMatchObject({ name: 'GraphError', status: 0, code: 'networkError' });
  });

  it('returns the statuses asked for, and throws the others; a 410 carries its Location', async () => {
    server.handle((hit, res) =>
      hit.path.includes('delta')
        ? json(res, 410, { error: { code: 'resyncRequired' } }, { location: `${server.baseUrl}/v1.0/drives/d1/root/delta?token=resync` })
        : json(res, 404, { error: { code: 'itemNotFound' } }),
    );
    const transport = createGraphTransport(testConfig(server));
    const accepted = await transport.request<{ error: { code: string } }>({ url: '/users/u1/drive', accept: [404] });
    expect(accepted.status).toBe(404);
    expect(accepted.body.error.code).toBe('itemNotFound');

    await expect(transport.request({ url: '/users/u1/drive' })).rejects.toMatchObject({ status: 404, code: 'itemNotFound' });
    const gone = (await transport.request({ url: '/drives/d1/root/delta?token=old' }).catch((e: unknown) => e)) as GraphError;
    await transport.close();
    expect(gone).toMatchObject({ status: 410, code: 'resyncRequired', location: `${server.baseUrl}/v1.0/drives/d1/root/delta?token=resync` });
    expect(transport.counters.retried).toBe(0);
  });

  it('sends next links exactly as given, decorated with User-Agent and a client-request-id', async () => {
    server.hits.length = 0;
    server.handle((_hit, res) => json(res, 200, { value: [] }));
    const transport = createGraphTransport(testConfig(server));
    const nextLink = `${server.baseUrl}/v1.0/drives/b!x-Y_z/root/delta?$skiptoken=a%2Bb%3D%3D&token=t1&token=t2`;
    await transport.request({ url: nextLink });
    await transport.request({ method: 'PATCH', url: '/drives/d1/items/i1/listItem/fields', body: { Soort: 'bijzonder' }, headers: { 'If-Match': '"e1"' } });
    await transport.close();

    expect(server.hits[0]!.path).toBe('/v1.0/drives/b!x-Y_z/root/delta?$skiptoken=a%2Bb%3D%3D&token=t1&token=t2');
    const patch = server.hits[1]!;
    expect(patch).toMatchObject({ method: 'PATCH', body: '{"Soort":"bijzonder"}' });
    expect(patch.headers['if-match']).toBe('"e1"');
    expect(patch.headers['content-type']).toContain('application/json');
    for (const hit of server.hits) {
      expect(hit.headers['user-agent']).toBe('ISV|Bewaarder|Bewaarder/0.1.0');
      expect(hit.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('stops waiting when the caller aborts', async () => {
    server.handle((_hit, res) => json(res, 429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '3600' }));
    const transport = createGraphTransport(testConfig(server));
    const controller = new AbortController();
    const pending = transport.request({ url: '/users', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('scan stopped')), 50);
    await expect(pending).rejects.toThrow('scan stopped');
    await transport.close();
  });
});
