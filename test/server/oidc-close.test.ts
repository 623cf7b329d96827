import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxTenant } from '../../src/sandbox-tenant/index.ts';
import { ROOT } from '../support/cli.ts';
import { startTestServer } from './support.ts';

/** Sockets open in this process: the server's pool to the sandbox and the sandbox's side of each connection. */
const openSockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;

const sandbox = await startSandboxTenant({ root: join(ROOT, 'fixtures/tenant'), throttling: false });
afterAll(() => sandbox.close());

describe('Entra ID sign-in: stopping the server', () => {
  it('closes the connections to Entra ID it opened (no socket keeps the process alive)', async () => {
    const before = openSockets();
    // No authorityMetadata: the sign-out reads the openid-configuration from the sandbox over the client's own pool.
    const t = await startTestServer({
      config: { oidc: { tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, authorityHost: sandbox.url, cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata, ca: sandbox.ca } },
    });
    const signOut = await fetch(`${t.url}/auth/signout`, { redirect: 'manual' });
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get('location')).toContain(sandbox.url); // the provider's end_session_endpoint: it was read
    expect(openSockets()).toBeGreaterThan(before); // the kept-alive connection to the provider

    await t.close();
    // Closed at once, not after the pool's keep-alive timeout (4 s): allow a few turns for both ends to go.
    for (let i = 0; i < 50 && openSockets() > before; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(openSockets()).toBe(before);
  });
});
