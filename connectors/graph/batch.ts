import type { Caller } from './call.ts';
import { resolveGraphUrl, toGraphError } from './call.ts';
import { MAX_THROTTLED_RETRIES } from './middleware/retry.ts';
import { backoffMs, retryAfterMs } from './middleware/retry-after.ts';
import { isBudgetRefusal } from './throttle/index.ts';
import type { Budget, Fence } from './throttle/index.ts';
import type { GraphCounters, GraphRequest, GraphResponse, GraphTransport } from './transport.ts';

/** Graph's limit per $batch (GRAPH.md §3). */
export const BATCH_LIMIT = 20;

interface BatchContext {
  graphBaseUrl: string;
  fence: Fence;
  /** Told about items refused for resource units, so the rate adapts as for single calls. */
  budget?: Budget;
  counters: GraphCounters;
  random: () => number;
  maxRetries: number;
  perMailbox: number;
}

interface BatchItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Many small calls in one request. Each item is charged to the budget; a throttled item (429/503 under an outer
 * 200 — the SDK does not retry these) raises the fence for the largest Retry-After and only the throttled items,
 * with whatever depended on them, go again. `dependsOn` holds indexes into the array given.
 */
export function createBatcher(call: Caller, context: BatchContext): GraphTransport['batch'] {
  async function sendChunk(all: GraphRequest[], indexes: number[], results: GraphResponse[]): Promise<void> {
    const outcome = new Map<number, GraphResponse>();
    let pending = indexes.filter((index) => !failedDependency(all, index, results, outcome));
    for (let attempt = 0; pending.length; attempt++) {
      const items = await post(all, pending);
      let wait = 0;
      let overspent = false;
      const again = new Set<number>();
      for (const index of pending) {
        const item = items.get(String(index));
        const response = item ? itemResponse(item) : missing();
        outcome.set(index, response);
        if (response.status === 429 || response.status === 503) {
          context.counters.throttled++;
          wait = Math.max(wait, retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt, 3000, context.random));
          again.add(index);
          overspent ||= isBudgetRefusal(response.status, response.headers, JSON.stringify(response.body ?? null));
        }
      }
      // A 424 because what it waited for was throttled is cured by sending both again.
      for (const index of pending) if (outcome.get(index)!.status === 424 && all[index]!.dependsOn?.some((d) => again.has(d))) again.add(index);
      if (!again.size) break;
      context.fence.raise(wait);
      if (overspent) context.budget?.overspent(wait);
      // Only throttled items come back here: their own, much higher cap (see MAX_THROTTLED_RETRIES).
      if (attempt >= MAX_THROTTLED_RETRIES) break;
      context.counters.retried += again.size;
      pending = pending.filter((index) => again.has(index));
    }
    for (const [index, response] of outcome) results[index] = response;
  }

  async function post(all: GraphRequest[], pending: number[]): Promise<Map<string, BatchItem>> {
    const inThisCall = new Set(pending);
    const mailboxes = new Map<string, number>();
    for (const index of pending) {
      const mailbox = all[index]!.mailbox;
      if (mailbox) mailboxes.set(mailbox, Math.min(context.perMailbox, (mailboxes.get(mailbox) ?? 0) + 1));
    }
    const requests = pending.map((index) => batchRequest(all[index]!, index, inThisCall, context.graphBaseUrl));
    const cost = pending.reduce((sum, index) => sum + (all[index]!.cost ?? 1), 0);
    const signal = pending.map((index) => all[index]!.signal).find(Boolean);
    const req: GraphRequest = { method: 'POST', url: '/$batch', body: { requests }, cost, ...(signal ? { signal } : {}) };
    const { response, plan } = await call(req, (p) => (p.mailboxes = mailboxes));
    context.counters.batches++;
    const body = plan.text ? (JSON.parse(plan.text) as { responses?: BatchItem[] }) : null;
    if (!response.ok) throw toGraphError('POST', plan.url, response.status, response.headers, body);
    return new Map((body?.responses ?? []).map((item) => [String(item.id), item]));
  }

  return async function batch<T>(requests: GraphRequest[]): Promise<GraphResponse<T>[]> {
    const results: GraphResponse[] = new Array(requests.length);
    const chunks: number[][] = [];
    for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
      chunks.push(requests.slice(start, start + BATCH_LIMIT).map((_, offset) => start + offset));
    }
    // With dependencies, a later chunk may wait on an earlier one: send in order. Without, side by side.
    if (requests.some((req) => req.dependsOn?.length)) for (const chunk of chunks) await sendChunk(requests, chunk, results);
    else await Promise.all(chunks.map((chunk) => sendChunk(requests, chunk, results)));
    return results as GraphResponse<T>[];
  };
}

/** A dependency in an earlier chunk that failed: Graph's own answer to that is 424, so give the same. */
function failedDependency(all: GraphRequest[], index: number, results: GraphResponse[], outcome: Map<number, GraphResponse>): boolean {
  const failed = all[index]!.dependsOn?.some((d) => d < index && results[d] && (results[d].status < 200 || results[d].status >= 300));
  if (failed) outcome.set(index, { status: 424, headers: new Headers(), body: { error: { code: 'failedDependency' } } });
  return Boolean(failed);
}

function batchRequest(req: GraphRequest, index: number, inThisCall: Set<number>, graphBaseUrl: string) {
  const url = resolveGraphUrl(req.url, graphBaseUrl);
  const prefix = `${graphBaseUrl}/v1.0`;
  if (!url.startsWith(`${prefix}/`)) throw new TypeError('$batch items must be Graph API calls (no downloads, no other hosts)');
  const headers = { ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...req.headers };
  const dependsOn = req.dependsOn?.filter((d) => inThisCall.has(d)).map(String);
  return {
    id: String(index),
    method: req.method ?? 'GET',
    url: url.slice(prefix.length),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(req.body !== undefined ? { body: req.body } : {}),
    ...(dependsOn?.length ? { dependsOn } : {}),
  };
}

function itemResponse(item: BatchItem): GraphResponse {
  return { status: item.status, headers: new Headers(item.headers ?? {}), body: item.body ?? null };
}

function missing(): GraphResponse {
  return { status: 502, headers: new Headers(), body: { error: { code: 'missingFromBatch' } } };
}
