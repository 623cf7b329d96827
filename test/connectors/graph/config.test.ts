import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { createGraphConfig, GraphConfigError, loadGraphConfig } from '../../../connectors/graph/index.ts';
import type { GraphConfig } from '../../../connectors/graph/index.ts';

const SECRET = 'Zk8~q.secret-never-shown-7Hc';
const base = { tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555' };

/** Every way a config may end up on a screen or in a log. */
function everyRendering(config: GraphConfig): string {
  return [
    inspect(config, { depth: Infinity, showHidden: true, getters: true }),
    JSON.stringify(config),
    String(config.clientSecret),
    `${config.certificate?.privateKey}`,
    inspect(config.certificate, { showHidden: true }),
  ].join('\n');
}

describe('Graph config', () => {
  it('fills the defaults: Microsoft endpoints, a decorated User-Agent, 1,200 RU a minute, 4 per mailbox', () => {
    const config = createGraphConfig({ ...base, clientSecret: SECRET });
    expect(config).toMatchObject({
      graphBaseUrl: 'https://graph.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
      userAgent: 'ISV|Bewaarder|Bewaarder/0.1.0',
      limits: { ruPerMinute: 1200, maxConcurrency: 8, perMailbox: 4, maxRetries: 5 },
    });
    expect(config.clientSecret?.reveal()).toBe(SECRET);
  });

  it.each([
    [{ clientId: base.clientId, clientSecret: SECRET }, 'tenantId is missing'],
    [{ ...base }, 'no credentials'],
    [{ ...base, clientSecret: SECRET, certificate: { privateKeyPem: 'x' } }, 'either a client secret or a certificate'],
    [{ ...base, clientSecret: SECRET, graphBaseUrl: 'http://localhost:8443' }, 'graphBaseUrl must be an https URL'],
    [{ ...base, clientSecret: SECRET, userAgent: 'Bewaarder' }, 'userAgent must look like ISV|'],
    [{ ...base, clientSecret: SECRET, limits: { perMailbox: 0 } }, 'limits.perMailbox must be a whole number, 1 or more'],
    [{ ...base, certificate: { privateKeyPem: 'not a key' } }, 'PEM private key'],
    [{ ...base, tenantId: 'contoso tenant', clientSecret: SECRET }, 'tenantId must be a tenant GUID or a domain'],
  ])('refuses %j with a message that says what is wrong', (input, message) => {
    expect(() => createGraphConfig(input)).toThrow(GraphConfigError);
    expect(() => createGraphConfig(input)).toThrow(message);
  });

  it('never shows the client secret or the private key, however it is printed', async () => {
    const withSecret = createGraphConfig({ ...base, clientSecret: SECRET });
    expect(everyRendering(withSecret)).not.toContain(SECRET);
    expect(everyRendering(withSecret)).toContain('[redacted]');

    const pems = await generate([{ name: 'commonName', value: 'app' }], { keySize: 2048 });
    const withKey = createGraphConfig({ ...base, certificate: { privateKeyPem: pems.private + pems.cert } });
    const keyBody = pems.private.split('\n')[1]!;
    expect(everyRendering(withKey)).not.toContain(keyBody);
    expect(withKey.certificate?.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loads from a file and the environment, the environment winning; errors never quote the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-graph-config-'));
    const file = join(dir, 'tenant.json');
    writeFileSync(file, JSON.stringify({ ...base, clientSecret: 'from-file', limits: { ruPerMinute: 2400 } }));
    const fromFile = loadGraphConfig({ file, env: {} });
    expect(fromFile.clientSecret?.reveal()).toBe('from-file');
    expect(fromFile.limits.ruPerMinute).toBe(2400);

    const env = { BEWAARDER_GRAPH_CLIENT_SECRET: SECRET, BEWAARDER_GRAPH_TENANT_ID: 'fabrikam.onmicrosoft.com', BEWAARDER_GRAPH_RU_PER_MINUTE: '3600' };
    const overridden = loadGraphConfig({ file, env });
    expect(overridden).toMatchObject({ tenantId: 'fabrikam.onmicrosoft.com', limits: { ruPerMinute: 3600 } });
    expect(overridden.clientSecret?.reveal()).toBe(SECRET);

    const onlyEnv = loadGraphConfig({ env: { ...env, BEWAARDER_GRAPH_CLIENT_ID: base.clientId } });
    expect(onlyEnv.tenantId).toBe('fabrikam.onmicrosoft.com');

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, `{ "clientSecret": "${SECRET}", oops }`);
    let error: unknown;
    try {
      loadGraphConfig({ file: broken, env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphConfigError);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(SECRET);
    expect(() => loadGraphConfig({ file: join(dir, 'missing.json'), env: {} })).toThrow('cannot read the tenant config');
  });

  it('takes a certificate key file from BEWAARDER_GRAPH_CERT_PATH, computing the thumbprint from it', async () => {
    const pems = await generate([{ name: 'commonName', value: 'app' }], { keySize: 2048 });
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-graph-cert-'));
    writeFileSync(join(dir, 'app.pem'), pems.private + pems.cert);
    const config = loadGraphConfig({ env: { BEWAARDER_GRAPH_TENANT_ID: base.tenantId, BEWAARDER_GRAPH_CLIENT_ID: base.clientId, BEWAARDER_GRAPH_CERT_PATH: join(dir, 'app.pem') } });
    expect(config.clientSecret).toBeUndefined();
    expect(config.certificate?.x5c).toContain('BEGIN CERTIFICATE');
    expect(config.certificate?.privateKey.reveal()).toContain('PRIVATE KEY');
  });
});
