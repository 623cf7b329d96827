import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphTransport, createScaledClock } from '../../../connectors/graph/index.ts';
import type { GraphRequest } from '../../../connectors/graph/index.ts';
import { json, startTestGraphServer } from './support/graph-server.ts';
import type { Hit, TestGraphServer } from './support/graph-server.ts';
import { testConfig } from './support/config.ts';

interface BatchBody {
  requests: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }[];
}

let server: TestGraphServer;
beforeAll(async () => {
  server = await startTestGraphServer();
});
afterAll(() => server.close());

const itemsOf = (hit: Hit) => (JSON.parse(hit.body) as BatchBody).requests;

describe('Graph transport: $batch', () => {
  it('splits into batches of 20 and returns every answer in request order', async () => {
    server.hits.length = 0;
    server.handle((hit, res) => {
      // Graph answers items in any order.
      const responses = itemsOf(hit).map((item) => ({ id: item.id, status: 200, headers: { 'content-type': 'application/json' }, body: { url: item.url } })).reverse();
      json(res, 200, { responses });
    });
    const transport = createGraphTransport(testConfig(server));
    const requests: GraphRequest[] = Array.from({ length: 45 }, (_, i) => ({ url: `/drives/d${i}/root/delta?token=latest`, cost: 1 }));
    const answers = await transport.batch<{ url: string }>(requests);
    await transport.close();

    expect(server.hits.map((hit) => [hit.method, hit.path, itemsOf(hit).length])).toEqual([
      ['POST', '/v1.0/$batch', 20],
      ['POST', '/v1.0/$batch', 20],
      ['POST', '/v1.0/$batch', 5],
    ]);
    expect(answers.map((a) => a.body.url)).toEqual(requests.map((r) => r.url));
    expect(transport.counters).toMatchObject({ requests: 3, batches: 3, resourceUnits: 45 });
  });

  it('sends only the throttled items again, after the largest Retry-After, with what depended on them', async () => {
    server.hits.length = 0;
    const scale = 0.01; // 5 s = 50 ms
    server.handle((hit, res) => {
      const first = server.hits.length === 1;
      const responses = itemsOf(hit).map((item) => {
        if (first && item.id === '1') return { id: item.id, status: 429, headers: { 'Retry-After': '2' }, body: { error: { code: 'TooManyRequests' } } };
        if (first && item.id === '3') return { id: item.id, status: 429, headers: { 'Retry-After': '5' }, body: { error: { code: 'TooManyRequests' } } };
        if (first && item.id === '4') return { id: item.id, status: 424, body: { error: { code: 'failedDependency' } } };
        return { id: item.id, status: item.method === 'PATCH' ? 200 : 201, body: { id: item.id, attempt: server.hits.length } };
      });
      json(res, 200, { responses });
    });
    const transport = createGraphTransport(testConfig(server), { clock: createScaledClock(scale) });
    const answers = await transport.batch<{ attempt: number }>([
      { url: '/users/u1/messages/m0', mailbox: 'u1' },
      { url: '/users/u1/messages/m1', mailbox: 'u1' },
      { method: 'PATCH', url: '/users/u1/messages/m2', body: { categories: ['bijzonder'] }, cost: 2, mailbox: 'u1' },
      { url: '/users/u2/messages/m3', mailbox: 'u2' },
      { method: 'PATCH', url: '/users/u2/messages/m4', body: { categories: ['geen'] }, dependsOn: [3], cost: 2, mailbox: 'u2' },
    ]);
    await transport.close();

    expect(server.hits).toHaveLength(2);
    const [first, second] = [itemsOf(server.hits[0]!), itemsOf(server.hits[1]!)];
    expect(first.find((item) => item.id === '2')).toMatchObject({ method: 'PATCH', url: '/users/u1/messages/m2', headers: { 'Content-Type': 'application/json' }, body: { categories: ['bijzonder'] } });
    expect(first.find((item) => item.id === '4')!.dependsOn).toEqual(['3']);
    expect(second.map((item) => item.id)).toEqual(['1', '3', '4']);
    expect(second.find((item) => item.id === '4')!.dependsOn).toEqual(['3']);
    expect(server.hits[1]!.at - server.hits[0]!.at).toBeGreaterThanOrEqual(5000 * scale);
    expect(answers.map((a) => [a.status, a.body.attempt])).toEqual([[201, 1], [201, 2], [200, 1], [201, 2], [200, 2]]);
    expect(transport.counters).toMatchObject({ batches: 2, throttled: 2, retried: 3, resourceUnits: 7 + 4 });
  });

  it('returns an item that stays throttled, rather than failing the others', async () => {
    server.handle((hit, res) => json(res, 200, { responses: itemsOf(hit).map((item) => (item.id === '0' ? { id: '0', status: 429, headers: { 'retry-after': '1' }, body: {} } : { id: item.id, status: 200, body: {} })) }));
    const transport = createGraphTransport(testConfig(server, { maxRetries: 1 }), { clock: createScaledClock(0.001) });
    const answers = await transport.batch([{ url: '/users/u1' }, { url: '/users/u2' }]);
    await transport.close();
    expect(answers.map((a) => a.status)).toEqual([429, 200]);
  });
});
