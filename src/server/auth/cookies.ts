import type { Request, Response } from 'express';
import type { ServerConfig } from '../config.ts';

const PLAIN = 'bw_session';
/** `__Host-`: the browser only accepts it Secure, from this host, path / — no subdomain can plant or read it. */
const HOST = '__Host-bw_session';

function loopback(req: Request): boolean {
  return ['localhost', '127.0.0.1', '::1', '[::1]'].includes(req.hostname);
}

/** Secure unless switched off, or (`auto`) plain http to this machine, where a browser would drop a Secure cookie. */
export function secureCookies(req: Request, config: Pick<ServerConfig, 'secureCookies'>): boolean {
  if (typeof config.secureCookies === 'boolean') return config.secureCookies;
  return req.secure || !loopback(req);
}

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    if (name === HOST || name === PLAIN) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, config: ServerConfig, value: string, maxAgeMs: number): void {
  const secure = secureCookies(req, config);
  res.cookie(secure ? HOST : PLAIN, value, { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response, config: ServerConfig): void {
  const secure = secureCookies(req, config);
  res.clearCookie(secure ? HOST : PLAIN, { httpOnly: true, secure, sameSite: 'strict', path: '/' });
}
