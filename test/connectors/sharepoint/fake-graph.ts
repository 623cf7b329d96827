import { GraphError } from '../../../connectors/graph/graph-error.ts';
import type { GraphCounters, GraphRequest, GraphResponse, GraphTransport } from '../../../connectors/graph/transport.ts';

export type Handler = (req: GraphRequest & { path: string; query: URLSearchParams }) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

/**
 * A GraphTransport over a route function, for unit tests of the connectors' logic (paging, resync, removals)
 * without HTTP: statuses not accepted throw GraphError as the real transport does. Records every request.
 */
export function createFakeTransport(handle: Handler): GraphTransport & { log: GraphRequest[]; downloads: string[] } {
  const counters: GraphCounters = { requests: 0, resourceUnits: 0, throttled: 0, retried: 0, batches: 0, pausedMs: 0 };
  const log: GraphRequest[] = [];
  const downloads: string[] = [];
  function call(req: GraphRequest): GraphResponse {
    log.push(req);
    counters.requests++;
    counters.resourceUnits += req.cost ?? 1;
    const url = new URL(req.url, 'https://graph.test/v1.0/');
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const answer = handle({ ...req, path, query: url.searchParams }) ?? { status: 404, body: { error: { code: 'itemNotFound' } } };
    const headers = new Headers(answer.headers ?? {});
    if (answer.status >= 400 && !(req.accept ?? []).includes(answer.status)) {
      const code = (answer.body as { error?: { code?: string } } | undefined)?.error?.code ?? 'error';
      throw new GraphError(answer.status, code, `${req.method ?? 'GET'} ${path}: ${code}`, undefined, headers.get('location') ?? undefined);
    }
    return { status: answer.status, headers, body: answer.body ?? null };
  }
  return {
    log,
    downloads,
    counters,
    async request<T>(req: GraphRequest) {
      return call(req) as GraphResponse<T>;
    },
    async batch<T>(requests: GraphRequest[]) {
      counters.batches++;
      return requests.map((r) => {
        try {
          return call({ ...r, accept: [...(r.accept ?? []), 400, 401, 403, 404, 405, 409, 410, 412, 423, 429, 500] });
        } catch (error) {
          throw error;
        }
      }) as GraphResponse<T>[];
    },
    async download(url, options = {}) {
      downloads.push(url);
      const answer = call({ url });
      const bytes = answer.body as Uint8Array;
      if (options.maxBytes !== undefined && bytes.length > options.maxBytes) throw new Error('too large');
      return bytes;
    },
    async close() {},
  };
}
