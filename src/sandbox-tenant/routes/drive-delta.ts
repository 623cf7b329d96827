import { v1, type SandboxContext } from '../context.ts';
import { collection, selectOf } from '../http/odata.ts';
import { graphError, json } from '../http/reply.ts';
import { decodeToken, encodeToken } from '../http/tokens.ts';
import type { Reply, SandboxRequest } from '../http/types.ts';
import { createRng, hashSeed } from '../state/rng.ts';
import type { Drive } from '../state/model.ts';
import { driveItemJson } from './drive-json.ts';

/** Token state: changes after `f` up to `u` (a page in progress has `u`), cursor `c`, page `n`, last id `l`. */
interface DeltaToken {
  f: number;
  u?: number;
  c?: number;
  n?: number;
  l?: string;
  e: number;
  s?: string;
}

function link(context: SandboxContext, drive: Drive, token: DeltaToken): string {
  return v1(context, `/drives/${drive.id}/root/delta?token=${encodeToken(token)}`);
}

/** A full re-enumeration link, as the Location of a 410 carries. */
export function resyncLink(context: SandboxContext, drive: Drive, select?: string): string {
  const token: DeltaToken = { f: 0, u: drive.log.seq, c: 0, n: 0, e: drive.tokenEpoch };
  if (select) token.s = select;
  return link(context, drive, token);
}

export function deltaCost(req: SandboxRequest): number {
  const token = req.query.get('token');
  return token && token !== 'latest' ? 1 : 2;
}

/**
 * GET …/root/delta: the whole drive without a token, the changes since with one. Page sizes are drawn from a
 * seeded list and ignore $top; a page may repeat the previous page's last item; deletions carry no name.
 */
export function driveDelta(context: SandboxContext, drive: Drive, req: SandboxRequest): Reply {
  const raw = req.query.get('token');
  const selectParam = req.query.get('$select') ?? undefined;
  if (raw === 'latest') {
    const token: DeltaToken = { f: drive.log.seq, e: drive.tokenEpoch };
    if (selectParam) token.s = selectParam;
    return json(collection(`${context.base}/v1.0/$metadata#Collection(driveItem)`, [], { '@odata.deltaLink': link(context, drive, token) }));
  }
  let token: DeltaToken | undefined = raw ? decodeToken<DeltaToken>(raw) : { f: 0, e: drive.tokenEpoch };
  if (!token || typeof token.f !== 'number') return graphError(400, 'invalidRequest', 'Invalid delta token.');
  const select = selectParam ?? token.s;
  if (token.e < drive.tokenEpoch) {
    return graphError(410, 'resyncChangesApplyDifferences', 'Resync required. Replace any local items with the server\'s version (including deletes) if you\'re sure that the service was up to date with your local changes when you last sync\'d. Upload any local changes that the server doesn\'t know about.', { Location: resyncLink(context, drive, select) });
  }
  if (token.u === undefined) token = { ...token, u: drive.log.seq, c: token.f, n: 0 };
  const upTo = token.u!;
  const page = token.n ?? 0;
  const rng = createRng(hashSeed(`${context.seed}:${drive.id}:${token.f}:${token.c}:${page}`));
  const size = rng.pick(context.deltaPageSizes);
  const selectSet = select ? new Set(select.split(',').map((s) => s.trim())) : selectOf(req.query);
  const fresh = token.f === 0;
  const value: Record<string, unknown>[] = [];
  if (page > 0 && token.l && rng.chance(context.duplicateRate)) {
    const again = drive.items.get(token.l);
    if (again && !(fresh && again.deleted)) value.push(driveItemJson(context, drive, again, { select: selectSet, inDelta: true }));
  }
  let cursor = token.c ?? token.f;
  let lastId: string | undefined;
  let more = false;
  for (const entry of drive.log.since(cursor, upTo)) {
    const item = drive.items.get(entry.key)!;
    if (fresh && item.deleted) {
      cursor = entry.seq;
      continue;
    }
    if (value.length >= size && lastId) {
      more = true;
      break;
    }
    value.push(driveItemJson(context, drive, item, { select: selectSet, inDelta: true }));
    cursor = entry.seq;
    lastId = item.id;
  }
  const next: DeltaToken = more
    ? { f: token.f, u: upTo, c: cursor, n: page + 1, e: token.e, ...(lastId ? { l: lastId } : {}) }
    : { f: upTo, e: token.e };
  if (select) next.s = select;
  const key = more ? '@odata.nextLink' : '@odata.deltaLink';
  return json(collection(`${context.base}/v1.0/$metadata#Collection(driveItem)`, value, { [key]: link(context, drive, next) }));
}
