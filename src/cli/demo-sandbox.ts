import { fileURLToPath } from 'node:url';
import { createGraphConfig, type GraphConfig, type GraphLimits } from '../../connectors/graph/config.ts';
import { createGraphTransport, type GraphClock, type GraphTransport } from '../../connectors/graph/transport.ts';
import { startSandboxTenant, type SandboxOptions, type SandboxTenant } from '../sandbox-tenant/index.ts';

/** The demo's fictional organisation, found from this file so the demo runs from any folder. */
export const DEMO_TENANT_ROOT = fileURLToPath(new URL('../../fixtures/tenant', import.meta.url));

export interface DemoTenant {
  sandbox: SandboxTenant;
  transport: GraphTransport;
  close(): Promise<void>;
}

/** The Graph settings of a running sandbox tenant: its credentials, MSAL metadata and the certificate to trust. */
export function sandboxGraphConfig(sandbox: SandboxTenant, limits: Partial<GraphLimits> = {}): GraphConfig {
  return createGraphConfig({
    tenantId: sandbox.tenantId,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    graphBaseUrl: sandbox.url,
    authorityHost: sandbox.url,
    authorityMetadata: sandbox.authorityMetadata,
    cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata,
    ca: sandbox.ca,
    limits,
  });
}

/**
 * The sandbox tenant and a Graph transport configured from its credentials and certificate, exactly as for a real
 * tenant (MSAL client credentials, the SDK's middleware chain): what `bewaarder demo`, the end-to-end tests and the
 * benchmark scan. Both sides share the time scale, so a Retry-After means the same to each.
 */
export async function startDemoTenant(
  options: SandboxOptions & { ruPerMinute?: number; clock?: GraphClock; secondUnitMs?: number; clientRuPerMinute?: number } = {},
): Promise<DemoTenant> {
  // clientRuPerMinute: the budget the transport believes in, when a test wants it to overrun the tenant's.
  const { ruPerMinute = 1200, clock, secondUnitMs, clientRuPerMinute = ruPerMinute, ...sandboxOptions } = options;
  const throttling = sandboxOptions.throttling === false ? false : { ruPerMinute, ...(secondUnitMs ? { secondUnitMs } : {}), ...sandboxOptions.throttling };
  const sandbox = await startSandboxTenant({ root: DEMO_TENANT_ROOT, ...sandboxOptions, throttling });
  const config = sandboxGraphConfig(sandbox, { ruPerMinute: clientRuPerMinute });
  const transport = createGraphTransport(config, clock ? { clock } : {});
  return {
    sandbox,
    transport,
    async close() {
      await transport.close();
      await sandbox.close();
    },
  };
}
