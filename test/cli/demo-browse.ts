import { Agent } from 'undici';

/** A browser's state without a browser: the server's cookies and the CSRF token of its session. */
export interface Session {
  cookies: Map<string, string>;
  csrf?: string;
}

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/**
 * Signs in as a browser does, through the sandbox tenant's account page: follows every redirect between the server
 * and the sandbox, keeps the server's cookies, and "clicks" the account `upn`. Returns the session (with its CSRF
 * token) and the server page it ended on.
 */
export async function signInThroughSandbox(server: string, sandboxCa: string, upn: string): Promise<{ session: Session; status: number; visited: string[] }> {
  const trust = new Agent({ connect: { ca: sandboxCa } });
  const session: Session = { cookies: new Map() };
  const visited: string[] = [];
  let url = new URL('/auth/entra', server);
  try {
    for (let hop = 0; hop < 12; hop++) {
      const atServer = url.origin === new URL(server).origin;
      visited.push(`${atServer ? 'server' : 'sandbox'} ${url.pathname}`);
      const headers: Record<string, string> = atServer && session.cookies.size ? { cookie: cookieHeader(session) } : {};
      const res = await fetch(url, { redirect: 'manual', headers, ...(atServer ? {} : { dispatcher: trust }) } as RequestInit);
      if (atServer) {
        for (const line of res.headers.getSetCookie()) {
          const [name, value] = line.split(';')[0]!.split('=') as [string, string];
          if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) session.cookies.delete(name);
          else session.cookies.set(name, value);
        }
      }
      const text = await res.text();
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const link = atServer ? null : new RegExp(`<a href="([^"]+)" data-upn="${upn.replace(/\./g, '\\.')}"`).exec(text);
      if (link) {
        url = new URL(decode(link[1]!), url);
        continue;
      }
      if (atServer && session.cookies.has('bw_session')) {
        const me = await call(server, session, '/api/v1/session');
        session.csrf = me.data.csrfToken;
      }
      return { session, status: res.status, visited };
    }
    throw new Error('too many redirects');
  } finally {
    await trust.close();
  }
}

const cookieHeader = (session: Session) => [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** The server's API as the signed-in browser calls it: the session cookie, and the CSRF token on changes. */
export async function call(server: string, session: Session, path: string, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { cookie: cookieHeader(session) };
  if (init.method && init.method !== 'GET' && session.csrf) headers['x-csrf-token'] = session.csrf;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, server), { method: init.method ?? 'GET', headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
  const text = await res.text();
  let data: any;
  try {
    data = JSON.parse(text);
  } catch {
    data = text;
  }
  return { status: res.status, data };
}

export interface ServerEvent {
  type: string;
  data: any;
}

/** Reads a Server-Sent Events stream to its end (the server ends it after `done`). */
export async function readEvents(server: string, session: Session, path: string): Promise<ServerEvent[]> {
  const res = await fetch(new URL(path, server), { headers: { cookie: cookieHeader(session), accept: 'text/event-stream' } });
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  const events: ServerEvent[] = [];
  for (const block of (await res.text()).split('\n\n')) {
    const type = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (type && data) events.push({ type, data: JSON.parse(data) });
  }
  return events;
}
