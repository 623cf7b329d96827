import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDefaultSandbox } from '../../src/extract/sandbox.ts';
import { hashPassword, newSecret, secretHash } from '../../src/server/auth/passwords.ts';
import { loadConfig, type ServerConfig } from '../../src/server/config.ts';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/server.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { Role } from '../../src/store/web-store.ts';
import { ROOT } from '../support/cli.ts';

export const PASSWORD = 'correct horse battery';

export interface TestServer {
  server: RunningServer;
  url: string;
  store: Store;
  dir: string;
  docs: string;
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

/** Files as they are on a share: not written a moment ago. */
function settle(folder: string): void {
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
  }
}

/**
 * A running server on port 0 over a temporary database and a copy of fixtures/examples, with one account and one
 * API token per role (name = role, password PASSWORD). `extra` adds files to the scanned folder.
 */
export async function startTestServer(options: { extra?: (docs: string) => void; server?: Partial<StartOptions>; config?: Partial<ServerConfig> } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-server-'));
  const docs = join(dir, 'documenten');
  cpSync(join(ROOT, 'fixtures/examples'), docs, { recursive: true });
  options.extra?.(docs);
  settle(docs);
  const db = join(dir, 'data', 'bewaarder.db');
  const store = openSqliteStore(db, { key: new Uint8Array(32).fill(3) });
  const tokens = {} as Record<Role, string>;
  const hash = await hashPassword(PASSWORD);
  for (const role of ['administrator', 'records-manager', 'auditor'] as const) {
    const account = await store.createAccount({ name: role, role, passwordHash: hash });
    tokens[role] = newSecret();
    await store.createApiToken(account.id, 'test', secretHash(tokens[role]));
  }
  const config = loadConfig(undefined, { port: 0, host: '127.0.0.1', db, folders: [docs], maxUploadBytes: 200_000, ...options.config });
  const server = await startServer({ config, store, log: () => {}, ...options.server });
  return {
    server,
    url: server.url,
    store,
    dir,
    docs,
    tokens,
    async close() {
      await server.close();
      await store.close();
      await closeDefaultSandbox();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch against the test server with an API token. */
export function client(base: string, token?: string) {
  return async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${base}${path}`, { ...init, headers, body });
    const text = await res.text();
    let data: any;
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
    return { status: res.status, headers: res.headers, data, text };
  };
}

/** Scans the test folder through the API and waits for the job to end. */
export async function scanAll(base: string, token: string): Promise<any> {
  const call = client(base, token);
  const started = await call('/api/v1/scans', { method: 'POST', json: {} });
  if (started.status !== 202) throw new Error(`scan did not start: ${started.text}`);
  for (;;) {
    const job = await call(`/api/v1/scans/${started.data.id}`);
    if (job.data.status !== 'running') return job.data;
    await new Promise((r) => setTimeout(r, 50));
  }
}
