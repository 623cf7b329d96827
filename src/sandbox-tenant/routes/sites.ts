import { randomUUID } from 'node:crypto';
import { v1, type SandboxContext } from '../context.ts';
import { collection, project, selectOf } from '../http/odata.ts';
import { badJson, graphError, json, parseJsonBody } from '../http/reply.ts';
import { route } from '../http/router.ts';
import { decodeToken, encodeToken } from '../http/tokens.ts';
import type { Params, Reply, Route, SandboxRequest } from '../http/types.ts';
import type { Column, Drive, Site } from '../state/model.ts';
import { driveJson } from './drive-json.ts';
import { isReply } from './lookup.ts';

const SITE_PAGE = 50;

export function siteJson(site: Site): Record<string, unknown> {
  if (site.deleted) return { id: site.id, deleted: { state: 'deleted' } };
  return {
    id: site.id, name: site.name, displayName: site.displayName, webUrl: site.webUrl, createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.createdDateTime, siteCollection: { hostname: new URL(site.webUrl).hostname },
  };
}

/** Sites: getAllSites, ?search=*, delta, drives, lists and columns (sandbox item 4). Personal sites are not listed. */
export function siteRoutes(context: SandboxContext): Route[] {
  const teamSites = () => context.tenant.sites.filter((s) => !s.personal && !s.deleted);
  const paged = (path: string) => (req: SandboxRequest): Reply => {
    const state = decodeToken<{ o: number }>(req.query.get('$skiptoken') ?? '') ?? { o: 0 };
    const sites = teamSites();
    const value = sites.slice(state.o, state.o + SITE_PAGE).map((s) => project(siteJson(s), selectOf(req.query)));
    const next = state.o + SITE_PAGE < sites.length ? v1(context, `${path}$skiptoken=${encodeToken({ o: state.o + SITE_PAGE })}`) : undefined;
    return json(collection(`${context.base}/v1.0/$metadata#sites`, value, { '@odata.nextLink': next }));
  };
  const site = (id: string): Site | Reply =>
    context.tenant.sites.find((s) => s.id === id && !s.deleted) ?? graphError(404, 'itemNotFound', 'Requested site could not be found');
  const lists = (s: Site): Drive[] => s.driveIds.map((id) => context.tenant.drives.get(id)!).filter(Boolean);
  const listOf = (p: Params): Drive | Reply => {
    const s = site(p['site']!);
    if (isReply(s)) return s;
    return lists(s).find((d) => d.listId === p['list']) ?? graphError(404, 'itemNotFound', 'List not found');
  };
  const listJson = (d: Drive) => ({ id: d.listId, name: d.name, displayName: d.name, webUrl: d.webUrl, list: { template: 'documentLibrary', hidden: false } });
  const addColumn = (drives: Drive[], req: SandboxRequest): Reply => {
    const body = parseJsonBody(req.body);
    if (!body) return badJson();
    const name = body['name'];
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return graphError(400, 'invalidRequest', 'A column needs a valid name.');
    if (drives.some((d) => d.columns.some((c) => c.name.toLowerCase() === name.toLowerCase()))) {
      return graphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
    }
    const column: Column = { ...body, id: randomUUID(), name, displayName: typeof body['displayName'] === 'string' ? body['displayName'] : name };
    for (const d of drives) d.columns.push(column);
    return json(column, 201);
  };
  return [
    route('GET', '/sites/getAllSites', { cost: 2, handle: paged('/sites/getAllSites?') }),
    route('GET', '/sites/delta', { cost: (req) => (req.query.get('token') && req.query.get('token') !== 'latest' ? 1 : 2), handle: (req) => sitesDelta(context, req) }),
    route('GET', '/sites', {
      cost: 2,
      handle: (req) => (req.query.has('search') || req.query.has('$skiptoken') ? paged('/sites?search=*&')(req) : graphError(400, 'invalidRequest', 'Use getAllSites or ?search=* to list sites.')),
    }),
    route('GET', '/sites/:site', { handle: (req, p) => { const s = site(p['site']!); return isReply(s) ? s : json(project(siteJson(s), selectOf(req.query))); } }),
    route('GET', '/sites/:site/drives', {
      cost: 2,
      handle: (_req, p) => { const s = site(p['site']!); return isReply(s) ? s : json(collection(`${context.base}/v1.0/$metadata#drives`, lists(s).map((d) => driveJson(context, d)))); },
    }),
    route('GET', '/sites/:site/lists', {
      cost: 2,
      handle: (_req, p) => { const s = site(p['site']!); return isReply(s) ? s : json(collection(`${context.base}/v1.0/$metadata#lists`, lists(s).map(listJson))); },
    }),
    route('GET', '/sites/:site/lists/:list', { handle: (_req, p) => { const d = listOf(p); return isReply(d) ? d : json(listJson(d)); } }),
    route('GET', '/sites/:site/lists/:list/columns', {
      cost: 2,
      handle: (_req, p) => { const d = listOf(p); return isReply(d) ? d : json(collection(`${context.base}/v1.0/$metadata#columns`, d.columns)); },
    }),
    route('POST', '/sites/:site/lists/:list/columns', { cost: 2, handle: (req, p) => { const d = listOf(p); return isReply(d) ? d : addColumn([d], req); } }),
    route('POST', '/sites/:site/columns', { cost: 2, handle: (req, p) => { const s = site(p['site']!); return isReply(s) ? s : addColumn(lists(s), req); } }),
    route('GET', '/drives/:drive/list', { handle: (_req, p) => { const d = context.tenant.drives.get(p['drive']!); return d ? json(listJson(d)) : graphError(404, 'itemNotFound', 'The requested drive was not found.'); } }),
    route('GET', '/drives/:drive/list/columns', {
      cost: 2,
      handle: (_req, p) => { const d = context.tenant.drives.get(p['drive']!); return d ? json(collection(`${context.base}/v1.0/$metadata#columns`, d.columns)) : graphError(404, 'itemNotFound', 'The requested drive was not found.'); },
    }),
    route('POST', '/drives/:drive/list/columns', { cost: 2, handle: (req, p) => { const d = context.tenant.drives.get(p['drive']!); return d ? addColumn([d], req) : graphError(404, 'itemNotFound', 'The requested drive was not found.'); } }),
  ];
}

interface SiteToken {
  f: number;
  e: number;
}

function sitesDelta(context: SandboxContext, req: SandboxRequest): Reply {
  const raw = req.query.get('token');
  const log = context.tenant.siteLog;
  const link = (t: SiteToken) => v1(context, `/sites/delta?token=${encodeToken(t)}`);
  if (raw === 'latest') return json(collection(`${context.base}/v1.0/$metadata#sites`, [], { '@odata.deltaLink': link({ f: log.seq, e: 1 }) }));
  const token = raw ? decodeToken<SiteToken>(raw) : { f: 0, e: 1 };
  if (!token) return graphError(400, 'invalidRequest', 'Invalid delta token.');
  const value = [];
  for (const entry of log.since(token.f, log.seq)) {
    const s = context.tenant.sites.find((x) => x.id === entry.key);
    if (!s || s.personal || (token.f === 0 && s.deleted)) continue;
    value.push(project(siteJson(s), selectOf(req.query)));
  }
  return json(collection(`${context.base}/v1.0/$metadata#sites`, value, { '@odata.deltaLink': link({ f: log.seq, e: 1 }) }));
}
