import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Retention } from '../retention/types.ts';
import { DEFAULT_APP_ROLES } from '../server/auth/oidc-config.ts';
import { roleFor } from '../server/auth/oidc.ts';
import { hashPassword, newSecret } from '../server/auth/passwords.ts';
import { loadConfig } from '../server/config.ts';
import { createTenantLauncher } from '../server/scans/index.ts';
import { startServer, type RunningServer } from '../server/server.ts';
import type { Store } from '../store/store.ts';
import type { Role } from '../store/web-store.ts';
import type { CliIO } from './command.ts';
import { DEMO_TENANT_ROOT, type DemoTenant } from './demo-sandbox.ts';

export interface DemoWebOptions {
  store: Store;
  db: string;
  tenant: DemoTenant;
  retention: Retention;
  /** The port asked for; when it is taken, any free one (and the demo says so). */
  port: number;
  io: CliIO;
}

export interface DemoWeb {
  server: RunningServer;
  /** The port asked for was taken. */
  movedFrom?: number;
  /** The local administrator's password: printed once, stored only as a hash. */
  localPassword: string;
  close(): Promise<void>;
}

export const LOCAL_ADMIN = 'beheerder';

const ROLE_TEXT: Record<Role, string> = {
  'records-manager': 'records manager — review, correct type and label, approve disposal',
  administrator: 'administrator — start scans of the whole tenant or chosen sites, OneDrives and mailboxes',
  auditor: 'auditor — read only, audit log and disposal log',
};

/** The sandbox people with a role in Bewaarder, from the tenant's own app role assignments. */
export function demoAccounts(): { upn: string; role: Role }[] {
  const tenant = JSON.parse(readFileSync(join(DEMO_TENANT_ROOT, 'tenant.json'), 'utf8')) as { users: { userPrincipalName: string; appRoles?: string[] }[] };
  const order: Role[] = ['records-manager', 'administrator', 'auditor'];
  return tenant.users
    .flatMap((u) => {
      // The role the sign-in will give, decided as the sign-in decides it.
      const role = roleFor({ roles: DEFAULT_APP_ROLES }, { roles: u.appRoles ?? [] });
      return role ? [{ upn: u.userPrincipalName, role }] : [];
    })
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

/**
 * The web application on the demo's results: Entra ID sign-in through the sandbox tenant (its account page), a local
 * administrator besides, tenant scans from the Scans screen, and the purge through the Graph connectors.
 */
export async function startDemoWeb(options: DemoWebOptions): Promise<DemoWeb> {
  const { store, tenant, io } = options;
  const { sandbox } = tenant;
  const localPassword = newSecret().slice(0, 20);
  await store.createAccount({ name: LOCAL_ADMIN, role: 'administrator', passwordHash: await hashPassword(localPassword) });
  const launcher = createTenantLauncher(tenant.transport, store, { earlyRetries: () => sandbox.stats().earlyRetries.length });
  const start = (port: number) =>
    startServer({
      config: loadConfig(undefined, {
        port,
        host: '127.0.0.1',
        db: options.db,
        oidc: {
          tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, authorityHost: sandbox.url,
          authorityMetadata: sandbox.authorityMetadata, cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata, ca: sandbox.ca,
        },
      }),
      store,
      launcher,
      retention: options.retention,
      log: (line) => io.err(`bewaarder demo: ${line}`),
    });
  let server: RunningServer;
  let movedFrom: number | undefined;
  try {
    server = await start(options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) throw error;
    movedFrom = options.port;
    server = await start(0);
  }
  return { server, localPassword, ...(movedFrom !== undefined ? { movedFrom } : {}), close: () => server.close() };
}

/** What a person needs to start: where, which account does what, the fallback; then how to stop. */
export function describeDemoWeb(web: DemoWeb): string {
  const accounts = demoAccounts();
  const width = Math.max(...accounts.map((a) => a.upn.length));
  const port = new URL(web.server.url).port;
  return [
    `Bewaarder is running at ${web.server.url}${web.movedFrom !== undefined ? ` (port ${web.movedFrom} is taken, so port ${port})` : ''}`,
    'Sign in with "Aanmelden met Microsoft (Entra ID)" and pick an account of the sandbox tenant:',
    ...accounts.map((a) => `  ${a.upn.padEnd(width)}  ${ROLE_TEXT[a.role]}`),
    '  (the other accounts on that page have no role in Bewaarder and are refused)',
    `Or sign in locally as "${LOCAL_ADMIN}" with password ${web.localPassword} (administrator; shown only now).`,
    'Ctrl-C stops Bewaarder and the sandbox tenant.',
  ].join('\n');
}
