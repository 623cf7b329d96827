import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Agent } from 'undici';
import type { SandboxTenant } from '../../src/sandbox-tenant/index.ts';

export const TENANT_ID = '7d3c6a1e-5b2f-4c8d-9e0a-1b2c3d4e5f60';
export const USERS = {
  jan: { id: '11111111-1111-4111-8111-111111111111', upn: 'jan@voorbeeld.nl' },
  piet: { id: '22222222-2222-4222-8222-222222222222', upn: 'piet@voorbeeld.nl' },
  gast: { id: '33333333-3333-4333-8333-333333333333', upn: 'gast@voorbeeld.nl' },
};
export const HR_SITE = 'voorbeeld.sharepoint.com,aaaaaaaa-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000001';
export const HR_LIBRARY = 'cccccccc-0000-4000-8000-000000000001';

function put(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A small tenant in the fixtures/tenant shape (tenant-contract.md), written to a temp folder. */
export function writeTenant(files = 40): string {
  const root = mkdtempSync(join(tmpdir(), 'sandbox-tenant-'));
  put(root, 'tenant.json', JSON.stringify({
    tenantId: TENANT_ID, domain: 'voorbeeld.nl', organisation: 'Gemeente Voorbeeld',
    users: [
      { id: USERS.jan.id, displayName: 'Jan Jansen', userPrincipalName: USERS.jan.upn, mail: USERS.jan.upn, oneDrive: true, mailbox: true, accountEnabled: true },
      { id: USERS.piet.id, displayName: 'Piet Bakker', userPrincipalName: USERS.piet.upn, mail: USERS.piet.upn, oneDrive: false, mailbox: true, accountEnabled: true },
      { id: USERS.gast.id, displayName: 'Gast Account', userPrincipalName: USERS.gast.upn, mail: USERS.gast.upn, oneDrive: false, mailbox: false, accountEnabled: true },
    ],
    sites: [
      { id: HR_SITE, name: 'hr', displayName: 'Personeelszaken', webUrl: 'https://voorbeeld.sharepoint.com/sites/hr', libraries: [{ id: HR_LIBRARY, name: 'Documenten', folder: 'sites/hr/Documenten' }] },
      { id: 'voorbeeld.sharepoint.com,aaaaaaaa-0000-4000-8000-000000000002,bbbbbbbb-0000-4000-8000-000000000002', name: 'financien', displayName: 'Financiën', webUrl: 'https://voorbeeld.sharepoint.com/sites/financien', libraries: [{ id: 'cccccccc-0000-4000-8000-000000000002', name: 'Documenten', folder: 'sites/financien/Documenten' }] },
    ],
  }));
  for (let i = 0; i < files; i++) put(root, `sites/hr/Documenten/${i % 2 ? 'Contracten/' : ''}brief-${i}.txt`, `Brief ${i} aan medewerker ${i}.`);
  put(root, 'sites/financien/Documenten/begroting.csv', 'post;bedrag\nhuur;1200\n');
  put(root, 'onedrive/jan/notities.txt', 'Notities van Jan.');
  put(root, 'attachments/cv.txt', 'Curriculum vitae van Jan Jansen, geboren 1 april 1980.');
  put(root, 'attachments/doorgestuurd.json', JSON.stringify({
    subject: 'Ziekmelding', from: { name: 'Piet Bakker', address: USERS.piet.upn }, to: [{ address: USERS.jan.upn }], cc: [],
    receivedDateTime: '2025-03-01T08:00:00Z', body: { contentType: 'text', content: 'Ik meld mij ziek.' },
    attachments: [{ name: 'verklaring.txt', contentType: 'text/plain', file: 'attachments/cv.txt' }],
  }));
  put(root, 'mail/jan/Inbox/sollicitatie.json', JSON.stringify({
    subject: 'Sollicitatie – één vacature', from: { name: 'Émile Dubois', address: 'emile@example.org' }, to: [{ name: 'Jan Jansen', address: USERS.jan.upn }], cc: [],
    receivedDateTime: '2025-03-04T09:12:00Z', body: { contentType: 'html', content: '<p>Hierbij mijn sollicitatie.</p>' },
    attachments: [
      { name: 'cv.txt', contentType: 'text/plain', file: 'attachments/cv.txt' },
      { name: 'Doorgestuurd: Ziekmelding', message: 'attachments/doorgestuurd.json' },
      { name: 'Link naar map', reference: 'https://voorbeeld.sharepoint.com/sites/hr/map' },
    ],
  }));
  for (let i = 0; i < 7; i++) {
    put(root, `mail/jan/Inbox/Projecten/bericht-${i}.json`, JSON.stringify({
      subject: `Project ${i}`, from: { address: USERS.piet.upn }, to: [{ address: USERS.jan.upn }], cc: [],
      receivedDateTime: `2025-04-0${i + 1}T10:00:00Z`, body: { contentType: 'text', content: `Voortgang ${i}.` }, attachments: [],
    }));
  }
  put(root, 'mail/piet/Sent Items/antwoord.json', JSON.stringify({ subject: 'Re: overleg', from: { address: USERS.piet.upn }, to: [{ address: USERS.jan.upn }], receivedDateTime: '2025-05-01T10:00:00Z', body: { contentType: 'text', content: 'Akkoord.' }, attachments: [] }));
  return root;
}

export interface TestClient {
  token: string;
  dispatcher: Agent;
  fetch(url: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Response>;
  /** GET/POST… a Graph path (after /v1.0) or an absolute link, with the bearer token. */
  graph(pathOrUrl: string, init?: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<Response>;
  json<T = Record<string, unknown>>(pathOrUrl: string, init?: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<T>;
}

export async function connect(sandbox: SandboxTenant): Promise<TestClient> {
  const dispatcher = new Agent({ connect: { ca: sandbox.ca } });
  const fetchWith = (url: string, init: RequestInit = {}) => fetch(url, { ...init, dispatcher } as RequestInit);
  const tokenResponse = await fetchWith(`${sandbox.url}/${sandbox.tenantId}/oauth2/v2.0/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: sandbox.clientSecret, scope: 'https://graph.microsoft.com/.default' }),
  });
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
  const graph: TestClient['graph'] = (pathOrUrl, init = {}) => {
    const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${sandbox.url}/v1.0${pathOrUrl}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetchWith(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: 'manual' });
  };
  return {
    token, dispatcher, fetch: fetchWith, graph,
    async json(pathOrUrl, init) {
      const res = await graph(pathOrUrl, init);
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      return (await res.json()) as never;
    },
  };
}

/** Follows nextLinks to the deltaLink; returns every page's items and the deltaLink. */
export async function drain(client: TestClient, first: string, headers?: Record<string, string>) {
  const pages: Record<string, unknown>[][] = [];
  let link: string | undefined = first;
  for (;;) {
    const page: { value: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string } = await client.json(link!, headers ? { headers } : {});
    pages.push(page.value);
    if (page['@odata.nextLink']) link = page['@odata.nextLink'];
    else return { pages, items: pages.flat(), deltaLink: page['@odata.deltaLink']! };
  }
}
