import { createPublicKey, createVerify, constants, X509Certificate } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** One request as the fake Graph saw it; `at` is performance.now() on arrival. */
export interface Hit {
  method: string;
  /** Path and query exactly as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Handler = (hit: Hit, res: ServerResponse, req: IncomingMessage) => unknown;

export interface TestGraphServer {
  baseUrl: string;
  ca: string;
  tenantId: string;
  /** Graph calls (token and metadata requests are in `tokenRequests`). */
  hits: Hit[];
  tokenRequests: { form: URLSearchParams; assertionValid?: boolean }[];
  /** The client secret the token endpoint accepts. */
  secret: string;
  /** Certificates whose assertions the token endpoint accepts (PEM). */
  trustCertificate(pem: string): void;
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * A small HTTPS Graph for transport tests: a token endpoint that checks the client secret or verifies the
 * certificate assertion, openid metadata for msal, and whatever each test scripts for the rest.
 */
export async function startTestGraphServer(): Promise<TestGraphServer> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  const tenantId = 'c0ffee00-0000-4000-8000-000000000001';
  const certificates: X509Certificate[] = [];
  let handler: Handler = (_hit, res) => json(res, 404, { error: { code: 'itemNotFound', message: 'not scripted' } });
  let tokenCount = 0;
  const server: TestGraphServer = {
    baseUrl: '',
    ca: pems.cert,
    tenantId,
    hits: [],
    tokenRequests: [],
    secret: 'test-secret-value-8c1f',
    trustCertificate: (pem) => void certificates.push(new X509Certificate(pem)),
    handle: (next) => void (handler = next),
    close: () => new Promise((resolve) => (https.closeAllConnections(), https.close(() => resolve()))),
  };
  const https = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const hit: Hit = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() };
      if (hit.path.startsWith(`/${tenantId}/v2.0/.well-known/openid-configuration`)) return json(res, 200, openidConfiguration(server.baseUrl, tenantId));
      if (hit.path.startsWith(`/${tenantId}/oauth2/v2.0/token`)) {
        const form = new URLSearchParams(hit.body);
        const assertion = form.get('client_assertion');
        const assertionValid = assertion ? certificates.some((cert) => verifyAssertion(assertion, cert)) : undefined;
        server.tokenRequests.push({ form, ...(assertion ? { assertionValid } : {}) });
        if (form.get('client_secret') !== server.secret && !assertionValid) return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `token-${++tokenCount}` });
      }
      server.hits.push(hit);
      void Promise.resolve(handler(hit, res, req)).catch((error: Error) => json(res, 500, { error: { code: 'testServerError', message: error.message } }));
    });
  });
  await new Promise<void>((resolve) => https.listen(0, () => resolve()));
  server.baseUrl = `https://localhost:${(https.address() as AddressInfo).port}`;
  return server;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function openidConfiguration(base: string, tenant: string) {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    issuer: `${base}/${tenant}/v2.0`,
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query'],
  };
}

/** The client assertion JWT: signed (PS256) by the key of `cert`, naming it by its SHA-256 thumbprint. */
function verifyAssertion(jwt: string, cert: X509Certificate): boolean {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, string>;
  const thumbprint = Buffer.from(cert.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
  if (head['x5t#S256'] !== thumbprint) return false;
  const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`);
  const key = { key: createPublicKey(cert.publicKey.export({ type: 'spki', format: 'pem' })), padding: head.alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING, saltLength: 32 };
  return verifier.verify(key, Buffer.from(signature, 'base64url'));
}
