import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { Configuration } from '@azure/msal-node';
import type { GraphConfig } from '../config.ts';
import { GraphError } from '../graph-error.ts';
import type { TokenSource } from '../middleware/auth.ts';
import { createMsalNetworkClient } from './network-client.ts';

const MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com';

/**
 * App-only tokens by client credentials (a secret or a certificate), cached and refreshed by msal. Concurrent
 * first calls share one token request instead of each asking the token endpoint.
 */
export function createMsalTokenSource(config: GraphConfig, dispatcher: unknown): TokenSource {
  const app = new ConfidentialClientApplication(msalConfiguration(config, dispatcher));
  const scopes = [`${config.graphBaseUrl}/.default`];
  let pending: Promise<string> | undefined;
  let pendingRefresh: Promise<string> | undefined;

  async function acquire(forceRefresh: boolean): Promise<string> {
    try {
      const result = await app.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh });
      if (!result?.accessToken) throw new Error('no access token');
      return result.accessToken;
    } catch (error) {
      // msal's error code says what is wrong (invalid_client, network_error…); its message may quote server text.
      const code = (error as { errorCode?: string }).errorCode ?? 'unknown';
      throw new GraphError(401, 'authenticationFailed', `no token for tenant ${config.tenantId}, app ${config.clientId}: ${code}`);
    }
  }

  return function getToken({ forceRefresh }) {
    if (forceRefresh) return (pendingRefresh ??= acquire(true).finally(() => (pendingRefresh = undefined)));
    return (pending ??= acquire(false).finally(() => (pending = undefined)));
  };
}

function msalConfiguration(config: GraphConfig, dispatcher: unknown): Configuration {
  const auth: Configuration['auth'] = { clientId: config.clientId, authority: `${config.authorityHost}/${config.tenantId}` };
  if (config.clientSecret) auth.clientSecret = config.clientSecret.reveal();
  if (config.certificate) {
    auth.clientCertificate = {
      thumbprintSha256: config.certificate.thumbprintSha256,
      privateKey: config.certificate.privateKey.reveal(),
      ...(config.certificate.x5c ? { x5c: config.certificate.x5c } : {}),
    };
  }
  // Any other authority host (the sandbox) is not in msal's built-in list: name it, and take its metadata as given.
  if (config.authorityHost !== MICROSOFT_AUTHORITY) auth.knownAuthorities = [new URL(config.authorityHost).host];
  if (config.authorityMetadata) auth.authorityMetadata = config.authorityMetadata;
  if (config.cloudDiscoveryMetadata) auth.cloudDiscoveryMetadata = config.cloudDiscoveryMetadata;
  return {
    auth,
    system: {
      networkClient: createMsalNetworkClient(dispatcher, config.userAgent),
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => {} },
    },
  };
}
