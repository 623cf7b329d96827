import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPostgresUrl } from '../store/postgres/index.ts';

/** What `bewaarder serve` reads from its configuration file (JSON); command-line options win. */
export interface ServerConfig {
  port: number;
  host: string;
  db: string;
  /** Folders an administrator may scan from the UI (the embedded default's sources). */
  folders: string[];
  /** Cron expressions (croner): rescans of every source and the purge job. */
  schedules: { rescan?: string; purge?: string };
  /** Upload limit of POST /api/v1/classify. */
  maxUploadBytes: number;
  /** `auto`: Secure cookies except on plain http to this machine (a browser drops Secure cookies over http). */
  secureCookies: boolean | 'auto';
  sessionHours: number;
  /** Entra ID sign-in (OpenID Connect, authorization code flow); absent: local accounts only. */
  oidc?: OidcConfig;
}

/** Entra ID sign-in as the configuration file gives it; oidc-config.ts checks it and reads the key files. */
export interface OidcConfig {
  tenantId: string;
  /** The app registration's application (client) id. */
  clientId: string;
  /** A client secret (or $BEWAARDER_OIDC_CLIENT_SECRET); a certificate is better. */
  clientSecret?: string;
  /** A certificate credential: its private key (PEM, or a file) and the certificate's SHA-256 thumbprint (hex). */
  certificate?: { privateKeyPem?: string; privateKeyPath?: string; thumbprintSha256?: string; x5c?: string };
  /** Where Entra ID sends the browser back: https://HOST/auth/callback, as registered. Default: this request's origin. */
  redirectUri?: string;
  /** Where Entra ID sends the browser after signing out. Default: this server's start page. */
  postLogoutRedirectUri?: string;
  /** The login host, default https://login.microsoftonline.com; the sandbox tenant offers its own. */
  authorityHost?: string;
  /** Metadata JSON for an authority msal cannot discover (the sandbox tenant, tests). */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  /** PEM certificate(s) to trust for the authority besides the system store (the sandbox's self-signed one). */
  ca?: string;
  caPath?: string;
  /** App role values or group ids → roles here; default Bewaarder.Administrator/RecordsManager/Auditor. */
  roles?: Record<string, 'administrator' | 'records-manager' | 'auditor'>;
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 8080,
  host: '127.0.0.1',
  db: '.bewaarder/bewaarder.db',
  folders: [],
  schedules: {},
  maxUploadBytes: 50 * 1024 * 1024,
  secureCookies: 'auto',
  sessionHours: 8,
};

/** Reads a configuration file; relative folders are taken from the file's own folder. */
export function loadConfig(file: string | undefined, overrides: Partial<ServerConfig> = {}): ServerConfig {
  let fromFile: Partial<ServerConfig> = {};
  if (file) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerConfig>;
    } catch (error) {
      throw new Error(`cannot read the configuration ${file}: ${(error as Error).message}`);
    }
    const base = resolve(file, '..');
    if (fromFile.folders) fromFile.folders = fromFile.folders.map((f) => resolve(base, f));
    if (fromFile.db && !isPostgresUrl(fromFile.db)) fromFile.db = resolve(base, fromFile.db);
    const oidc = fromFile.oidc;
    if (oidc?.caPath) oidc.caPath = resolve(base, oidc.caPath);
    if (oidc?.certificate?.privateKeyPath) oidc.certificate.privateKeyPath = resolve(base, oidc.certificate.privateKeyPath);
  }
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...fromFile, ...withoutUndefined(overrides) };
  config.folders = [...new Set(config.folders.map((f) => resolve(f)))];
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) throw new Error(`not a port: ${config.port}`);
  return config;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
