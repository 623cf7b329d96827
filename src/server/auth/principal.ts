import type { Account } from '../../store/web-store.ts';

/** Who is calling, and how: a browser session (CSRF-checked) or an API token (no cookies, no CSRF). */
export interface Principal {
  account: Account;
  via: 'session' | 'token';
  csrfToken?: string;
  sessionHash?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}

/** The name the audit log records for a person. */
export function actorOf(principal: Principal): string {
  return principal.account.kind === 'entra' ? `entra:${principal.account.displayName ?? principal.account.name}` : principal.account.name;
}
