import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { SandboxContext } from './context.ts';
import { createControl, type SandboxControl } from './control.ts';
import { createDispatcher } from './dispatch.ts';
import { graphError, json } from './http/reply.ts';
import { createScripts } from './http/scripts.ts';
import type { Reply, SandboxRequest } from './http/types.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { createAuth } from './routes/auth.ts';
import { runBatch } from './routes/batch.ts';
import { createSigningKey } from './routes/signin-keys.ts';
import { createSignIn } from './routes/signin.ts';
import { handleControl } from './routes/control.ts';
import { directoryRoutes } from './routes/directory.ts';
import { serveDownload } from './routes/download.ts';
import { driveWriteRoutes } from './routes/drive-writes.ts';
import { driveRoutes } from './routes/drives.ts';
import { mailRoutes } from './routes/mail.ts';
import { siteRoutes } from './routes/sites.ts';
import { generateTenant, type GenerateOptions } from './state/generate.ts';
import { guidFrom } from './state/ids.ts';
import { loadTenant } from './state/load-fixtures.ts';
import { createRng } from './state/rng.ts';
import { resolveThrottling, type ThrottlingOptions } from './throttle/options.ts';
import { createStats, type SandboxStats } from './throttle/stats.ts';
import { createThrottle } from './throttle/throttle.ts';

export interface SandboxOptions {
  /** The tenant's content (tenant-contract.md). Default fixtures/tenant. Ignored with `generate`. */
  root?: string;
  /** Default 0: a free port. */
  port?: number;
  /** false: no throttling at all. */
  throttling?: ThrottlingOptions | false;
  /** A synthetic tenant of this size instead of `root`. */
  generate?: GenerateOptions;
  /** Seeds page sizes, duplicates, faults, $batch order and generated content. Default 1. */
  seed?: number;
  /** Drive delta page sizes to pick from (default: mostly 200, sometimes 1, 3, 7, 50 or 137). */
  deltaPageSizes?: number[];
  /** Chance a drive delta page repeats the previous page's last item. Default 0.25. */
  duplicateRate?: number;
  /** PEM certificates accepted for certificate credentials (client_assertion). */
  clientCertificates?: string[];
  /** Reply addresses of the app registration for user sign-in, besides any loopback address (which is always allowed). */
  redirectUris?: string[];
}

export interface SandboxTenant {
  /** https://localhost:PORT — the Graph base URL (paths under /v1.0) and the authority host. */
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** X-Sandbox-Secret for /_sandbox/. */
  controlSecret: string;
  /** The self-signed certificate (PEM) a client must trust. */
  ca: string;
  authorityMetadata: string;
  cloudDiscoveryMetadata: string;
  control: SandboxControl;
  stats(): SandboxStats;
  close(): Promise<void>;
}

const DEFAULT_PAGE_SIZES = [200, 200, 200, 200, 137, 50, 7, 3, 1];

export async function startSandboxTenant(options: SandboxOptions = {}): Promise<SandboxTenant> {
  const seed = options.seed ?? 1;
  const tenant = options.generate ? generateTenant(options.generate, seed) : loadTenant(options.root ?? 'fixtures/tenant');
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048, algorithm: 'sha256', notBeforeDate: new Date(Date.now() - 60_000), notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  let port = 0;
  const context: SandboxContext = {
    tenant, base: '', downloadBase: '', secret: randomBytes(32).toString('base64url'), seed,
    deltaPageSizes: options.deltaPageSizes ?? DEFAULT_PAGE_SIZES, duplicateRate: options.duplicateRate ?? 0.25,
    downloadUrlTtlMs: 3_600_000, now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const app = { tenantId: tenant.tenantId, clientId: guidFrom('client', tenant.tenantId), clientSecret: randomBytes(24).toString('base64url'), certificates: options.clientCertificates ?? [] };
  const controlSecret = randomBytes(24).toString('base64url');
  const signIn = createSignIn({
    tenant, clientId: app.clientId, key: createSigningKey(), authorityBase: () => `${context.base}/${tenant.tenantId}`, redirectUris: options.redirectUris ?? [],
  });
  const auth = createAuth(app, () => context.base, signIn);
  const throttling = resolveThrottling(options.throttling);
  const stats = createStats();
  const throttle = createThrottle(throttling, stats, createRng(seed + 7));
  const scripts = createScripts();
  const routes = [...directoryRoutes(context), ...siteRoutes(context), ...driveRoutes(context), ...driveWriteRoutes(context), ...mailRoutes(context), ...attachmentRoutes(context)];
  const dispatch = createDispatcher(routes, throttle, scripts, stats, throttling.latencyMs);
  const batchRng = createRng(seed + 11);
  const control = createControl(context, scripts, stats, throttle, signIn);

  async function route(req: IncomingMessage, body: Buffer, receivedAt: number): Promise<Reply> {
    const url = new URL(req.url ?? '/', context.base);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? '']));
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path.startsWith('/_sandbox/')) return handleControl(control, () => stats.snapshot(), controlSecret, method, path, headers, body);
    stats.current.requests++;
    stats.userAgent(headers['user-agent']);
    if (path.startsWith('/download/')) return serveDownload(context, throttle, stats, app.clientId, path.slice('/download/'.length), headers, scripts, receivedAt);
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (token && method === 'POST') return auth.token(token[1]!, new URLSearchParams(body.toString('utf8')));
    if (/^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) return json(auth.openidConfiguration());
    const signInPath = /^\/([^/]+)\/(oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/logout|discovery\/v2\.0\/keys)$/.exec(path);
    if (signInPath && method === 'GET') {
      if (![tenant.tenantId, 'organizations', 'common'].includes(signInPath[1]!.toLowerCase())) return graphError(400, 'invalid_tenant', `AADSTS90002: Tenant '${signInPath[1]!}' not found.`);
      if (signInPath[2] === 'discovery/v2.0/keys') return signIn.jwks();
      return signInPath[2] === 'oauth2/v2.0/authorize' ? signIn.authorize(url.searchParams) : signIn.endSession(url.searchParams);
    }
    if (!path.startsWith('/v1.0/')) return graphError(404, 'NotFound', 'Only /v1.0 is served by the sandbox tenant.');
    const bearer = auth.bearer(headers['authorization']);
    if ('status' in bearer) return bearer;
    const request: SandboxRequest = { method, path: path.slice(5).replace(/%24/gi, '$'), query: url.searchParams, headers, body, base: context.base, clientId: bearer.clientId, receivedAt };
    if (request.path === '/$batch' && method === 'POST') return runBatch(request, dispatch, batchRng, () => stats.current.batchItems++);
    return dispatch(request);
  }

  function send(res: ServerResponse, reply: Reply, requestId: string): void {
    const headers: Record<string, string> = { 'request-id': requestId, 'client-request-id': requestId, ...reply.headers };
    let payload: Buffer | undefined = reply.raw;
    if (!payload && reply.body !== undefined && reply.status !== 204) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['Content-Type'] ??= 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    }
    if (payload) headers['Content-Length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    const fences = reply.fences;
    res.end(payload, fences ? () => throttle.flushed(fences) : undefined);
  }

  const server: Server = createServer({ key: pems.private, cert: pems.cert, keepAliveTimeout: 30_000 }, (req, res) => {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestId = req.headers['client-request-id']?.toString() ?? randomUUID();
      route(req, Buffer.concat(chunks), receivedAt).then(
        (reply) => send(res, reply, requestId),
        (error: unknown) => {
          // Never echo request content: the message names the failure only.
          console.error(`sandbox tenant: ${req.method} ${(req.url ?? '').split('?')[0]} failed: ${(error as Error).message}`);
          send(res, graphError(500, 'generalException', 'An unexpected error occurred in the sandbox tenant.'), requestId);
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  context.base = `https://localhost:${port}`;
  context.downloadBase = `https://127.0.0.1:${port}`;
  const metadata = auth.msalMetadata();
  return {
    url: context.base, tenantId: tenant.tenantId, clientId: app.clientId, clientSecret: app.clientSecret, controlSecret, ca: pems.cert,
    authorityMetadata: metadata.authorityMetadata, cloudDiscoveryMetadata: metadata.cloudDiscoveryMetadata, control,
    stats: () => stats.snapshot(),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
