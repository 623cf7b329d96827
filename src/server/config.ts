import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

export interface OidcConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Where Entra ID sends the browser back: https://HOST/auth/callback. */
  redirectUri: string;
  /** The login host; the sandbox tenant offers its own. */
  authority?: string;
  /** Metadata JSON for an authority msal cannot discover (the sandbox tenant, tests). */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  /** Entra ID app roles or group ids → roles here; users without a match are refused. */
  roles: Record<string, 'administrator' | 'records-manager' | 'auditor'>;
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
    if (fromFile.db) fromFile.db = resolve(base, fromFile.db);
  }
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...fromFile, ...withoutUndefined(overrides) };
  config.folders = [...new Set(config.folders.map((f) => resolve(f)))];
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) throw new Error(`not a port: ${config.port}`);
  return config;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
