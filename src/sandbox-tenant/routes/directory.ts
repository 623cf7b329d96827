import { v1, type SandboxContext } from '../context.ts';
import { collection, project, selectOf } from '../http/odata.ts';
import { graphError, json } from '../http/reply.ts';
import { route } from '../http/router.ts';
import { decodeToken, encodeToken } from '../http/tokens.ts';
import type { Route } from '../http/types.ts';
import type { TenantUser } from '../state/model.ts';
import { findUser, isReply } from './lookup.ts';

export function userJson(user: TenantUser): Record<string, unknown> {
  return {
    id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName, mail: user.mail,
    accountEnabled: user.accountEnabled, businessPhones: [], givenName: user.displayName.split(' ')[0], jobTitle: null,
    mobilePhone: null, officeLocation: null, preferredLanguage: 'nl-NL', surname: user.displayName.split(' ').slice(1).join(' '),
  };
}

interface PageToken {
  o: number;
  t: number;
  s?: string;
}

/** GET /users: default page 100, $top up to 999, $skiptoken paging ($skip is not supported, as in Graph). */
export function directoryRoutes(context: SandboxContext): Route[] {
  return [
    route('GET', '/users', {
      cost: 2,
      handle(req) {
        const skiptoken = req.query.get('$skiptoken');
        if (req.query.has('$skip')) return graphError(400, 'Request_BadRequest', "'$skip' is not supported by the service.");
        let state: PageToken;
        if (skiptoken) {
          const decoded = decodeToken<PageToken>(skiptoken);
          if (!decoded) return graphError(400, 'Request_BadRequest', 'Invalid $skiptoken.');
          state = decoded;
        } else {
          const top = req.query.has('$top') ? Number(req.query.get('$top')) : 100;
          if (!Number.isInteger(top) || top < 1 || top > 999) return graphError(400, 'Request_UnsupportedQuery', 'Invalid page size specified: the maximum is 999.');
          state = { o: 0, t: top };
          const select = req.query.get('$select');
          if (select) state.s = select;
        }
        const select = state.s ? new Set(state.s.split(',')) : selectOf(req.query);
        const users = context.tenant.users.slice(state.o, state.o + state.t).map((u) => project(userJson(u), select));
        const more = state.o + state.t < context.tenant.users.length;
        const next = more ? v1(context, `/users?$skiptoken=${encodeToken({ ...state, o: state.o + state.t })}`) : undefined;
        return json(collection(`${context.base}/v1.0/$metadata#users`, users, { '@odata.nextLink': next }));
      },
    }),
    route('GET', '/users/:user', {
      handle(req, p) {
        const user = findUser(context, p['user']!);
        return isReply(user) ? user : json(project(userJson(user), selectOf(req.query)));
      },
    }),
  ];
}
