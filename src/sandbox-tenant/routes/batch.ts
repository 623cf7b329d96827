import type { Dispatch } from '../dispatch.ts';
import { graphError, json, parseJsonBody } from '../http/reply.ts';
import type { Reply, SandboxRequest } from '../http/types.ts';
import type { Rng } from '../state/rng.ts';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const MAX_ITEMS = 20;

function itemRequest(outer: SandboxRequest, item: BatchItem): SandboxRequest {
  const relative = item.url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/+/, '').replace(/^v1\.0\//, '');
  const url = new URL(`/${relative}`, 'https://batch.invalid');
  const headers: Record<string, string> = { ...outer.headers };
  delete headers['content-length'];
  for (const [k, v] of Object.entries(item.headers ?? {})) headers[k.toLowerCase()] = String(v);
  const body = item.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof item.body === 'string' ? item.body : JSON.stringify(item.body));
  return { ...outer, method: item.method.toUpperCase(), path: url.pathname.replace(/%24/gi, '$'), query: url.searchParams, headers, body };
}

function itemResponse(id: string, reply: Reply): Record<string, unknown> {
  const headers: Record<string, string> = { ...reply.headers };
  let body: unknown = reply.body;
  if (reply.raw) {
    // Non-JSON bodies come back base64-encoded inside a batch response.
    body = reply.raw.toString('base64');
    headers['Content-Type'] ??= 'application/octet-stream';
  } else if (reply.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const out: Record<string, unknown> = { id, status: reply.status, headers };
  if (body !== undefined && reply.status !== 204 && reply.status !== 302) out['body'] = body;
  return out;
}

/**
 * POST /$batch (sandbox item 9): at most 20 items with unique ids; each runs through the same dispatcher (and is
 * charged and throttled on its own); dependsOn waits, and fails with 424 when a dependency did not succeed;
 * independent items run together and the responses come back in a shuffled order, under an outer 200.
 */
export async function runBatch(outer: SandboxRequest, dispatch: Dispatch, rng: Rng, counted: () => void): Promise<Reply> {
  const body = parseJsonBody(outer.body);
  const items = body?.['requests'];
  if (!Array.isArray(items)) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  if (items.length > MAX_ITEMS) return graphError(400, 'BadRequest', `The number of batch requests exceeds the limit of ${MAX_ITEMS}.`);
  const ids = new Set<string>();
  for (const raw of items as BatchItem[]) {
    if (!raw || typeof raw.id !== 'string' || typeof raw.method !== 'string' || typeof raw.url !== 'string') return graphError(400, 'BadRequest', 'Each batch request needs an id, a method and a url.');
    if (ids.has(raw.id)) return graphError(400, 'BadRequest', `Batch request id '${raw.id}' is used more than once.`);
    ids.add(raw.id);
  }
  for (const item of items as BatchItem[]) {
    for (const dep of item.dependsOn ?? []) if (!ids.has(dep)) return graphError(400, 'BadRequest', `Request '${item.id}' depends on '${dep}', which is not in the batch.`);
  }
  const done = new Map<string, Reply>();
  let pending = [...(items as BatchItem[])];
  while (pending.length) {
    const ready = pending.filter((i) => (i.dependsOn ?? []).every((d) => done.has(d)));
    if (!ready.length) return graphError(400, 'BadRequest', 'The dependsOn references form a cycle.');
    pending = pending.filter((i) => !ready.includes(i));
    await Promise.all(ready.map(async (item) => {
      counted();
      const failedDependency = (item.dependsOn ?? []).some((d) => { const s = done.get(d)!.status; return s < 200 || s > 299; });
      done.set(item.id, failedDependency ? graphError(424, 'FailedDependency', 'The request failed because it depends on a request that failed.') : await dispatch(itemRequest(outer, item)));
    }));
  }
  const responses = [...done.entries()].map(([id, reply]) => itemResponse(id, reply));
  for (let i = responses.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [responses[i], responses[j]] = [responses[j]!, responses[i]!];
  }
  const reply = json({ responses });
  const fences = [...done.values()].flatMap((r) => r.fences ?? []);
  if (fences.length) reply.fences = fences;
  return reply;
}
