import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../../../connectors/connector.ts';
import { createGraphTransport } from '../../../connectors/graph/index.ts';
import { json, startTestGraphServer } from './support/graph-server.ts';
import type { TestGraphServer } from './support/graph-server.ts';
import { testConfig } from './support/config.ts';

let server: TestGraphServer;
beforeAll(async () => {
  server = await startTestGraphServer();
});
afterAll(() => server.close());

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

const content = Buffer.from('Verslag van het gesprek met de cliënt', 'utf8');

describe('Graph transport: downloads', () => {
  it('fetches a pre-authenticated URL without Authorization, and …/content with it, following the 302 without it', async () => {
    server.hits.length = 0;
    server.handle((hit, res) => {
      if (hit.path.startsWith('/download/')) {
        // Like SharePoint's pre-authenticated URLs: a bearer token is refused.
        if (hit.headers.authorization) return json(res, 401, { error: { code: 'unauthenticated' } });
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(content);
      }
      if (!hit.headers.authorization) return json(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
      res.writeHead(302, { location: `${server.baseUrl}/download/sig-3f9a?tempauth=x` });
      res.end();
    });
    const transport = createGraphTransport(testConfig(server));
    const direct = await transport.download(`${server.baseUrl}/download/sig-1b2c?tempauth=y`);
    const viaGraph = await transport.download('/drives/d1/items/i1/content');
    await transport.close();

    expect(Buffer.from(direct).toString('utf8')).toBe(content.toString('utf8'));
    expect(Buffer.from(viaGraph)).toEqual(content);
    expect(server.hits.map((hit) => [hit.path, Boolean(hit.headers.authorization)])).toEqual([
      ['/download/sig-1b2c?tempauth=y', false],
      ['/v1.0/drives/d1/items/i1/content', true],
      ['/download/sig-3f9a?tempauth=x', false],
    ]);
    expect(transport.counters.resourceUnits).toBe(3);
  });

  it('cuts a download off at maxBytes while streaming, and refuses a declared size over it unread', async () => {
    let finished = 0;
    let cutOff = 0;
    server.handle(async (hit, res) => {
      res.on('close', () => (res.writableFinished ? finished++ : cutOff++));
      if (hit.path.includes('declared')) {
        res.writeHead(200, { 'content-length': String(5_000_000) });
        return void res.write(Buffer.alloc(1000));
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked: no size announced
      for (let i = 0; i < 400 && !res.destroyed; i++) {
        if (!res.write(Buffer.alloc(64 * 1024, i))) await drainedOrClosed(res);
      }
      res.end();
    });
    const transport = createGraphTransport(testConfig(server));
    const streamed = await transport.download(`${server.baseUrl}/download/big`, { maxBytes: 1_000_000 }).catch((e: unknown) => e);
    const declared = await transport.download(`${server.baseUrl}/download/declared`, { maxBytes: 1_000_000 }).catch((e: unknown) => e);
    const small = await transport.download(`${server.baseUrl}/download/big`, { maxBytes: 30_000_000 });
    await transport.close();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(isConnectorError(streamed, 'too-large')).toBe(true);
    expect(isConnectorError(declared, 'too-large')).toBe(true);
    expect(small.byteLength).toBe(400 * 64 * 1024);
    // The first two transfers were abandoned, not read to the end (26 MB).
    expect(cutOff).toBe(2);
    expect(finished).toBe(1);
  });
});
