import { createGraphConfig } from '../../../../connectors/graph/index.ts';
import type { GraphConfigInput, GraphLimits } from '../../../../connectors/graph/index.ts';
import type { TestGraphServer } from './graph-server.ts';

/** A config for the test server: secret credentials, its CA trusted, msal pointed at its token endpoint. */
export function testConfig(server: TestGraphServer, limits: Partial<GraphLimits> = {}, extra: GraphConfigInput = {}) {
  return createGraphConfig({
    tenantId: server.tenantId,
    clientId: '11111111-2222-4333-8444-555555555555',
    clientSecret: server.secret,
    graphBaseUrl: server.baseUrl,
    authorityHost: server.baseUrl,
    ca: server.ca,
    limits: { maxRetries: 3, ...limits },
    ...extra,
  });
}

/** Waits `ms` real milliseconds (the server side of a scripted delay). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
