import { readFileSync } from 'node:fs';
import { Secret } from '../../../connectors/graph/secret.ts';
import { ROLES, type Role } from '../../store/web-store.ts';
import type { OidcConfig } from '../config.ts';

export const MICROSOFT_AUTHORITY = 'https://login.microsoftonline.com';

/** The app roles to define in the app registration, and the role each gives here. */
export const DEFAULT_APP_ROLES: Record<string, Role> = {
  'Bewaarder.Administrator': 'administrator',
  'Bewaarder.RecordsManager': 'records-manager',
  'Bewaarder.Auditor': 'auditor',
};

/** The oidc section checked, with its secrets wrapped so that logging the configuration shows none. */
export interface ResolvedOidc {
  tenantId: string;
  clientId: string;
  clientSecret?: Secret;
  certificate?: { privateKey: Secret; thumbprintSha256: string; x5c?: string };
  redirectUri?: string;
  postLogoutRedirectUri?: string;
  authorityHost: string;
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  ca?: string;
  roles: Record<string, Role>;
}

function fail(message: string): never {
  throw new Error(`oidc configuration: ${message}`);
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function httpsUrl(value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(`${what} is not a URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) fail(`${what} must be https (http only to this machine)`);
  return value;
}

export function resolveOidcConfig(input: OidcConfig, env: NodeJS.ProcessEnv = process.env): ResolvedOidc {
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!input.tenantId || !(GUID.test(input.tenantId) || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(input.tenantId))) fail('tenantId must be the directory (tenant) id or its domain');
  if (!input.clientId || !GUID.test(input.clientId)) fail('clientId must be the application (client) id, a GUID');
  const secret = input.clientSecret ?? env.BEWAARDER_OIDC_CLIENT_SECRET;
  let certificate: ResolvedOidc['certificate'];
  if (input.certificate) {
    const pem = input.certificate.privateKeyPem ?? (input.certificate.privateKeyPath ? read(input.certificate.privateKeyPath, 'certificate.privateKeyPath') : undefined);
    if (!pem?.includes('PRIVATE KEY')) fail('certificate needs a PEM private key (certificate.privateKeyPath)');
    const thumbprint = input.certificate.thumbprintSha256?.replace(/:/g, '');
    if (!thumbprint || !/^[0-9a-f]{64}$/i.test(thumbprint)) fail('certificate.thumbprintSha256 must be the certificate’s SHA-256 thumbprint in hex');
    certificate = { privateKey: new Secret(pem), thumbprintSha256: thumbprint, ...(input.certificate.x5c ? { x5c: input.certificate.x5c } : {}) };
  }
  if (!secret && !certificate) fail('give clientSecret (or $BEWAARDER_OIDC_CLIENT_SECRET) or certificate');
  const roles = input.roles ?? DEFAULT_APP_ROLES;
  for (const [name, role] of Object.entries(roles)) if (!ROLES.includes(role)) fail(`roles.${name}: "${role}" is not one of ${ROLES.join(', ')}`);
  const redirectUri = httpsUrl(input.redirectUri, 'redirectUri');
  if (redirectUri && !new URL(redirectUri).pathname.endsWith('/auth/callback')) fail('redirectUri must end in /auth/callback');
  const postLogoutRedirectUri = httpsUrl(input.postLogoutRedirectUri, 'postLogoutRedirectUri');
  const authorityHost = (httpsUrl(input.authorityHost, 'authorityHost') ?? MICROSOFT_AUTHORITY).replace(/\/+$/, '');
  if (!authorityHost.startsWith('https:')) fail('authorityHost must be https');
  const ca = input.ca ?? (input.caPath ? read(input.caPath, 'caPath') : undefined);
  return {
    tenantId: input.tenantId, clientId: input.clientId, authorityHost, roles,
    ...(secret && !certificate ? { clientSecret: new Secret(secret) } : {}),
    ...(certificate ? { certificate } : {}),
    ...(redirectUri ? { redirectUri } : {}),
    ...(postLogoutRedirectUri ? { postLogoutRedirectUri } : {}),
    ...(input.authorityMetadata ? { authorityMetadata: input.authorityMetadata } : {}),
    ...(input.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: input.cloudDiscoveryMetadata } : {}),
    ...(ca ? { ca } : {}),
  };
}
