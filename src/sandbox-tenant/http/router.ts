import { graphError } from './reply.ts';
import type { Params, Reply, Route, SandboxRequest } from './types.ts';

type RouteSpec = Omit<Route, 'method' | 'pattern' | 'names'>;

/** `route('GET', '/drives/:drive/items/:item/content', {...})`; literal segments match case-insensitively as Graph does. */
export function route(method: string, path: string, spec: RouteSpec): Route {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}/?$`, 'i'), names, ...spec };
}

export interface Match {
  route: Route;
  params: Params;
}

export function createRouter(routes: Route[]) {
  return {
    match: function match(method: string, path: string): Match | undefined {
      for (const candidate of routes) {
        if (candidate.method !== method) continue;
        const m = candidate.pattern.exec(path);
        if (!m) continue;
        const params: Params = {};
        candidate.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        });
        return { route: candidate, params };
      }
      return undefined;
    },
  };
}

export type Router = ReturnType<typeof createRouter>;

export function unknownRoute(req: SandboxRequest): Reply {
  return graphError(400, 'BadRequest', `Resource not found for the segment '${req.path.split('/')[1] ?? ''}'.`);
}
