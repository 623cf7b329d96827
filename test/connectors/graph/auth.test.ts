import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { createGraphConfig, createGraphTransport, GraphError } from '../../../connectors/graph/index.ts';
import { json, startTestGraphServer } from './support/graph-server.ts';
import type { TestGraphServer } from './support/graph-server.ts';
import { testConfig } from './support/config.ts';

let server: TestGraphServer;
beforeAll(async () => {
  server = await startTestGraphServer();
});
afterAll(() => server.close());

describe('Graph transport: authentication through msal', () => {
  it('gets an app token with the client secret, sends it as Bearer, and reuses it', async () => {
    server.hits.length = server.tokenRequests.length = 0;
    server.handle((hit, res) => json(res, 200, { value: [], auth: hit.headers.authorization }));
    const transport = createGraphTransport(testConfig(server));
    const answers = await Promise.all([1, 2, 3, 4].map(() => transport.request<{ auth: string }>({ url: '/users?$top=999' })));
    await transport.close();

    expect(answers.map((a) => a.body.auth)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    // msal caches the token; concurrent first calls share one token request.
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.tokenRequests[0]!.form.get('grant_type')).toBe('client_credentials');
    expect(server.tokenRequests[0]!.form.get('scope')).toContain(`${server.baseUrl}/.default`);
    expect(server.hits.map((h) => h.path)).toEqual(Array(4).fill('/v1.0/users?$top=999'));
  });

  it('authenticates with a certificate: a PS256 assertion the token endpoint verifies, no secret sent', async () => {
    const pems = await generate([{ name: 'commonName', value: 'Bewaarder test app' }], { keySize: 2048 });
    server.trustCertificate(pems.cert);
    server.tokenRequests.length = 0;
    server.handle((hit, res) => json(res, 200, { auth: hit.headers.authorization }));
    const config = createGraphConfig({
      ...inputOf(server),
      // One PEM holding key and certificate: the thumbprint and x5c come from it.
      certificate: { privateKeyPem: `${pems.private}\n${pems.cert}` },
    });
    const transport = createGraphTransport(config);
    const answer = await transport.request<{ auth: string }>({ url: '/sites/getAllSites' });
    await transport.close();

    expect(answer.body.auth).toMatch(/^Bearer token-\d+$/);
    const token = server.tokenRequests[0]!;
    expect(token.form.get('client_secret')).toBeNull();
    expect(token.form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(token.assertionValid).toBe(true);
  });

  it('on a 401 gets a fresh token once, then gives up with a GraphError', async () => {
    server.tokenRequests.length = server.hits.length = 0;
    let calls = 0;
    server.handle((hit, res) => (++calls === 1 ? json(res, 401, { error: { code: 'InvalidAuthenticationToken' } }) : json(res, 200, { auth: hit.headers.authorization })));
    const transport = createGraphTransport(testConfig(server));
    const answer = await transport.request<{ auth: string }>({ url: '/users' });
    expect(server.tokenRequests).toHaveLength(2);
    expect(answer.body.auth).not.toBe(server.hits[0]!.headers.authorization);

    server.handle((_hit, res) => json(res, 401, { error: { code: 'InvalidAuthenticationToken' } }));
    server.hits.length = 0;
    const failure = await transport.request({ url: '/users' }).catch((error: unknown) => error);
    await transport.close();
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(server.hits).toHaveLength(2);
  });

  it('reports a rejected secret by msal error code, without the secret or the server text', async () => {
    server.handle((_hit, res) => json(res, 200, {}));
    const config = createGraphConfig({ ...inputOf(server), clientSecret: 'wrong-secret-4d2a' });
    const transport = createGraphTransport(config);
    const failure = (await transport.request({ url: '/users' }).catch((error: unknown) => error)) as GraphError;
    await transport.close();

    expect(failure).toBeInstanceOf(GraphError);
    expect(failure.code).toBe('authenticationFailed');
    expect(failure.message).toContain('invalid_client');
    const shown = `${failure.message} ${failure.stack} ${JSON.stringify(failure)}`;
    expect(shown).not.toContain('wrong-secret-4d2a');
    expect(shown).not.toContain('AADSTS');
  });
});

function inputOf(server: TestGraphServer) {
  return {
    tenantId: server.tenantId,
    clientId: '11111111-2222-4333-8444-555555555555',
    graphBaseUrl: server.baseUrl,
    authorityHost: server.baseUrl,
    ca: server.ca,
  };
}
