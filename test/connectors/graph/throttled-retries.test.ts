import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphTransport, createScaledClock, GraphError } from '../../../connectors/graph/index.ts';
import { MAX_THROTTLED_RETRIES } from '../../../connectors/graph/middleware/retry.ts';
import { json, startTestGraphServer, type TestGraphServer } from './support/graph-server.ts';
import { testConfig } from './support/config.ts';

let server: TestGraphServer;
beforeAll(async () => {
  server = await startTestGraphServer();
});
afterAll(() => server.close());

/** A Retry-After of 1 s passes in 1 ms. */
const fast = { clock: createScaledClock(0.001), random: () => 0.5, baseBackoffMs: 1 };
const throttle = (res: Parameters<typeof json>[0]) => json(res, 429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });

describe('Graph transport: throttling does not use up the retries for failures', () => {
  it('a request throttled more often than maxRetries still gets through, each time after the full Retry-After', async () => {
    server.hits.length = 0;
    let calls = 0;
    // A tenant whose real budget is below the configured one: the same request meets a 429 eight times in a row.
    server.handle((_hit, res) => (++calls <= 8 ? throttle(res) : json(res, 200, { value: ['ok'] })));
    const transport = createGraphTransport(testConfig(server, { maxRetries: 2 }), fast);
    const answer = await transport.request<{ value: string[] }>({ url: '/sites/getAllSites' });
    await transport.close();
    expect(answer.body.value).toEqual(['ok']);
    expect(server.hits).toHaveLength(9);
    for (let i = 1; i < server.hits.length; i++) expect(server.hits[i]!.at - server.hits[i - 1]!.at).toBeGreaterThanOrEqual(1);
    expect(transport.counters).toMatchObject({ requests: 9, throttled: 8, retried: 8 });
  });

  it('server errors between the throttles still count against maxRetries', async () => {
    server.hits.length = 0;
    const answers = [429, 500, 429, 429, 502, 429, 500, 200];
    server.handle((_hit, res) => {
      const status = answers.shift()!;
      return status === 429 ? throttle(res) : json(res, status, status === 200 ? { ok: true } : { error: { code: 'generalException' } });
    });
    const transport = createGraphTransport(testConfig(server, { maxRetries: 2 }), fast);
    const failure = await transport.request({ url: '/users' }).catch((e: unknown) => e);
    await transport.close();
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ status: 500 });
    expect(server.hits).toHaveLength(7); // the third server error ends it; four throttles did not count
  });

  it('a tenant that never lets the app through fails the request after the throttling cap, with the 429', async () => {
    server.hits.length = 0;
    server.handle((_hit, res) => throttle(res));
    const transport = createGraphTransport(testConfig(server, { maxRetries: 0 }), fast);
    const failure = await transport.request({ url: '/users' }).catch((e: unknown) => e);
    await transport.close();
    expect(failure).toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(server.hits).toHaveLength(MAX_THROTTLED_RETRIES + 1);
    expect(MAX_THROTTLED_RETRIES).toBeGreaterThanOrEqual(50);
  });

  it('a $batch item throttled more often than maxRetries is sent again until it gets through', async () => {
    server.hits.length = 0;
    let posts = 0;
    server.handle((hit, res) => {
      posts++;
      const items = (JSON.parse(hit.body) as { requests: { id: string }[] }).requests;
      return json(res, 200, { responses: items.map((item) => (item.id === '0' && posts <= 6 ? { id: '0', status: 429, headers: { 'retry-after': '1' }, body: {} } : { id: item.id, status: 200, body: { id: item.id } })) });
    });
    const transport = createGraphTransport(testConfig(server, { maxRetries: 1 }), fast);
    const answers = await transport.batch([{ url: '/users/u1' }, { url: '/users/u2' }]);
    await transport.close();
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(posts).toBe(7);
  });
});
