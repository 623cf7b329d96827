import type { Client } from '@microsoft/microsoft-graph-client';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import { describeUrl, GraphError } from './graph-error.ts';
import { RequestPlan } from './middleware/plan.ts';
import type { GraphRequest, GraphResponse } from './transport.ts';

/** Sends one request through the SDK client and its middleware chain; the plan carries what the chain needs. */
export type Caller = (req: GraphRequest, tweak?: (plan: RequestPlan) => void) => Promise<{ response: Response; plan: RequestPlan }>;

export function createCaller(client: Client, graphBaseUrl: string): Caller {
  return async function call(req, tweak) {
    const plan = new RequestPlan(resolveGraphUrl(req.url, graphBaseUrl));
    plan.cost = req.cost ?? 1;
    plan.signal = req.signal;
    if (req.mailbox) plan.mailboxes.set(req.mailbox, 1);
    tweak?.(plan);
    const builder = client.api(plan.url).middlewareOptions([plan]).responseType(ResponseType.RAW).headers(req.headers ?? {});
    const method = req.method ?? 'GET';
    try {
      const response: Response =
        method === 'GET' ? await builder.get() : method === 'POST' ? await builder.post(req.body ?? {}) : method === 'PATCH' ? await builder.patch(req.body ?? {}) : await builder.delete();
      return { response, plan };
    } catch (error) {
      throw plan.failure ?? error;
    }
  };
}

/** Absolute https URLs (nextLink, deltaLink, downloadUrl) as they are; paths after /v1.0 on the configured host. */
export function resolveGraphUrl(url: string, graphBaseUrl: string): string {
  if (/^https:\/\//i.test(url)) return url;
  if (/^[a-z]+:/i.test(url)) throw new TypeError(`Graph URLs are https: ${describeUrl(url)}`);
  return `${graphBaseUrl}/v1.0${url.startsWith('/') ? '' : '/'}${url}`;
}

/** The body as JSON when it is JSON, else the text; null when empty. */
export function parseBody(text: string, headers: Headers): unknown {
  if (!text) return null;
  if (/json/i.test(headers.get('content-type') ?? '') || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function toGraphResponse<T>(response: Response, plan: RequestPlan): GraphResponse<T> {
  return { status: response.status, headers: response.headers, body: parseBody(plan.text, response.headers) as T };
}

/** Graph's error code and request id; never the error message, which may quote the request. */
export function toGraphError(method: string, url: string, status: number, headers: Headers, body: unknown): GraphError {
  const error = (body as { error?: { code?: unknown; innerError?: Record<string, unknown> } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http${status}`;
  const requestId = String(error?.innerError?.['request-id'] ?? headers.get('request-id') ?? '') || undefined;
  const location = headers.get('location') ?? undefined;
  return new GraphError(status, code, `${method} ${describeUrl(url)}: ${status} ${code}`, requestId, location);
}
