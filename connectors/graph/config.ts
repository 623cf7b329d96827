import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Secret } from './secret.ts';

/**
 * How to reach one tenant: the Entra ID app registration (client credentials: a secret or, better, a certificate)
 * and the limits the transport keeps to. Secrets are `Secret`s, so printing a config never shows them.
 */
export interface GraphConfig {
  tenantId: string;
  clientId: string;
  clientSecret?: Secret;
  certificate?: GraphCertificate;
  /** Default https://graph.microsoft.com (the sandbox: https://localhost:PORT). */
  graphBaseUrl: string;
  /** Default https://login.microsoftonline.com. */
  authorityHost: string;
  /** Raw openid-configuration JSON, so msal needs no discovery round trip (the sandbox). */
  authorityMetadata?: string;
  /** Raw instance-discovery JSON (the sandbox). */
  cloudDiscoveryMetadata?: string;
  /** PEM certificate(s) to trust besides the system store (the sandbox's self-signed certificate). */
  ca?: string;
  /** `ISV|Bewaarder|Bewaarder/<version>` (GRAPH.md §3: decorated traffic is throttled last). */
  userAgent: string;
  limits: GraphLimits;
}

export interface GraphCertificate {
  privateKey: Secret;
  /** SHA-256 thumbprint of the certificate, hex (msal signs with PS256). */
  thumbprintSha256: string;
  /** The public certificate chain (PEM), sent as x5c for subject-name/issuer authentication. */
  x5c?: string;
}

export interface GraphLimits {
  /** The app's resource-unit budget per minute (1,200 for a tenant under 1,000 licences). */
  ruPerMinute: number;
  /** Requests in flight at once, over the whole tenant. */
  maxConcurrency: number;
  /** Requests in flight at once per mailbox (Outlook allows 4). */
  perMailbox: number;
  /** Retries of one request before it fails. */
  maxRetries: number;
}

/** What a config file or the environment may give; strings only. */
export interface GraphConfigInput {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  certificate?: { privateKeyPem?: string; privateKeyPath?: string; thumbprintSha256?: string; x5c?: string };
  graphBaseUrl?: string;
  authorityHost?: string;
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  ca?: string;
  caPath?: string;
  userAgent?: string;
  limits?: Partial<GraphLimits>;
}

export const DEFAULT_LIMITS: GraphLimits = { ruPerMinute: 1200, maxConcurrency: 8, perMailbox: 4, maxRetries: 5 };
export const DEFAULT_USER_AGENT = 'ISV|Bewaarder|Bewaarder/0.1.0';

export class GraphConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphConfigError';
  }
}

/** Validates, fills defaults, reads key files, and wraps the secrets. */
export function createGraphConfig(input: GraphConfigInput): GraphConfig {
  const tenantId = required(input.tenantId, 'tenantId');
  const clientId = required(input.clientId, 'clientId');
  if (!/^[A-Za-z0-9.-]+$/.test(tenantId)) throw new GraphConfigError('tenantId must be a tenant GUID or a domain such as contoso.onmicrosoft.com');
  if (!/^[A-Za-z0-9-]+$/.test(clientId)) throw new GraphConfigError('clientId must be the application (client) id, a GUID');
  if (input.clientSecret && input.certificate) throw new GraphConfigError('give either a client secret or a certificate, not both');
  if (!input.clientSecret && !input.certificate) {
    throw new GraphConfigError('no credentials: give a client secret (BEWAARDER_GRAPH_CLIENT_SECRET) or a certificate (BEWAARDER_GRAPH_CERT_PATH)');
  }
  const config: GraphConfig = {
    tenantId,
    clientId,
    graphBaseUrl: httpsUrl(input.graphBaseUrl ?? 'https://graph.microsoft.com', 'graphBaseUrl'),
    authorityHost: httpsUrl(input.authorityHost ?? 'https://login.microsoftonline.com', 'authorityHost'),
    userAgent: input.userAgent ?? DEFAULT_USER_AGENT,
    limits: limits(input.limits ?? {}),
  };
  if (!/^(ISV|NONISV)\|[^|]+\|[^|/]+\/\S+$/.test(config.userAgent)) {
    throw new GraphConfigError('userAgent must look like ISV|Company|App/version or NONISV|Company|App/version');
  }
  if (input.clientSecret) config.clientSecret = new Secret(input.clientSecret);
  if (input.certificate) config.certificate = certificate(input.certificate);
  if (input.authorityMetadata) config.authorityMetadata = json(input.authorityMetadata, 'authorityMetadata');
  if (input.cloudDiscoveryMetadata) config.cloudDiscoveryMetadata = json(input.cloudDiscoveryMetadata, 'cloudDiscoveryMetadata');
  const ca = input.ca ?? (input.caPath ? readText(input.caPath, 'caPath') : undefined);
  if (ca !== undefined) config.ca = ca;
  return config;
}

function required(value: string | undefined, name: string): string {
  if (!value?.trim()) throw new GraphConfigError(`${name} is missing`);
  return value.trim();
}

function httpsUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GraphConfigError(`${name} is not a URL`);
  }
  // The Graph SDK only authenticates https URLs, and msal refuses http authorities (GRAPH.md §4).
  if (url.protocol !== 'https:') throw new GraphConfigError(`${name} must be an https URL`);
  return url.origin;
}

function limits(given: Partial<GraphLimits>): GraphLimits {
  const merged = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(merged)) {
    const min = name === 'maxRetries' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new GraphConfigError(`limits.${name} must be a whole number, ${min} or more`);
  }
  return merged;
}

function certificate(given: NonNullable<GraphConfigInput['certificate']>): GraphCertificate {
  const pem = given.privateKeyPem ?? (given.privateKeyPath ? readText(given.privateKeyPath, 'certificate.privateKeyPath') : undefined);
  if (!pem || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new GraphConfigError('the certificate needs a PEM private key (certificate.privateKeyPath)');
  }
  // A combined PEM (key + certificate) needs no separate thumbprint: compute it, and send the chain as x5c.
  const certPem = given.x5c ?? pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  let thumbprint = given.thumbprintSha256?.replace(/:/g, '').toLowerCase();
  if (!thumbprint && certPem) thumbprint = new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
  if (!thumbprint || !/^[0-9a-f]{64}$/.test(thumbprint)) {
    throw new GraphConfigError('the certificate needs its SHA-256 thumbprint (64 hex digits), or a PEM file that also holds the certificate');
  }
  const result: GraphCertificate = { privateKey: new Secret(pem.match(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----/)![0]), thumbprintSha256: thumbprint };
  if (certPem) result.x5c = certPem;
  return result;
}

function json(value: string, name: string): string {
  try {
    JSON.parse(value);
    return value;
  } catch {
    throw new GraphConfigError(`${name} is not valid JSON`);
  }
}

function readText(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new GraphConfigError(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
