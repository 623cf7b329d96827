import { ConnectorError } from '../connector.ts';
import type { Caller } from './call.ts';
import { parseBody, resolveGraphUrl, toGraphError } from './call.ts';
import { describeUrl } from './graph-error.ts';
import type { DownloadOptions, GraphTransport } from './transport.ts';

const MAX_REDIRECTS = 5;

/**
 * Content through the same fence, budget and mailbox places as every other call (a download costs 1 RU). A Graph
 * URL (…/content, …/$value) goes with the token; its 302, and any pre-authenticated downloadUrl, go without one.
 * A connector that has the item's downloadUrl already saves the 302 hop and its resource unit.
 * The size cap holds while streaming: the transfer is cut off at the first byte over it.
 */
export function createDownloader(call: Caller, context: { graphBaseUrl: string }): GraphTransport['download'] {
  return async function download(url: string, options: DownloadOptions = {}) {
    let target = resolveGraphUrl(url, context.graphBaseUrl);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const req = { url: target, cost: 1, ...(options.signal ? { signal: options.signal } : {}), ...(options.mailbox ? { mailbox: options.mailbox } : {}) };
      const { response, plan } = await call(req, (p) => {
        p.stream = true;
        p.anonymous = !isGraphApi(target, context.graphBaseUrl);
      });
      try {
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          // Both hops are charged: the 302 is a Graph call, the pre-authenticated download a SharePoint one.
          target = new URL(location, target).href;
          continue;
        }
        if (!response.ok) {
          const text = await response.text().catch(() => '');
          throw toGraphError('GET', target, response.status, response.headers, parseBody(text, response.headers));
        }
        return await readCapped(response, options.maxBytes, target);
      } finally {
        plan.release();
      }
    }
    throw new ConnectorError('unsupported', `download: more than ${MAX_REDIRECTS} redirects at ${describeUrl(target)}`);
  };
}

/** Graph's own API (needs the token); anything else on any host is a pre-authenticated URL. */
function isGraphApi(url: string, graphBaseUrl: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === graphBaseUrl && /^\/(v1\.0|beta)\//.test(parsed.pathname);
}

async function readCapped(response: Response, maxBytes: number | undefined, url: string): Promise<Uint8Array> {
  const cap = maxBytes ?? Number.POSITIVE_INFINITY;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > cap) {
    await response.body?.cancel();
    throw tooLarge(url, cap);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel();
        throw tooLarge(url, cap);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(url: string, cap: number): ConnectorError {
  return new ConnectorError('too-large', `${describeUrl(url)} is larger than ${cap} bytes`);
}
