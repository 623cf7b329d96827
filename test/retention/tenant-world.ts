import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector, SourceRef } from '../../connectors/connector.ts';
import type { GraphRequest, GraphTransport } from '../../connectors/graph/transport.ts';
import { createSourceConnectors, scanTenant, type TenantScanOptions } from '../../connectors/tenant/index.ts';
import type { DemoTenant } from '../../src/cli/demo-sandbox.ts';
import { createRetention, type Retention } from '../../src/retention/index.ts';
import type { Store } from '../../src/store/store.ts';
import { writeTenant } from '../sandbox-tenant/support.ts';
import { openTempStore, quickClassifier, startTestTenant } from '../connectors/tenant/support.ts';
import { LATER } from './setup.ts';

const PASSPORT_COPY = `Kopie paspoort – personeelsdossier (loonheffing)
KONINKRIJK DER NEDERLANDEN – PASPOORT
Naam: De Vries
Voornamen: Jan Pieter
Nationaliteit: Nederlandse
Geboortedatum: 12 MAA 1985
Documentnummer: NP1K7L2R4
Geldig tot: 03 JUN 2031
Kopie gemaakt door: afdeling Personeelszaken
`;

/** One Graph request as the product sent it: method and path (no query: no tokens, no ids from a query string). */
export interface Sent {
  method: string;
  path: string;
}

export interface TenantWorld {
  tenant: DemoTenant;
  store: Store;
  retention: Retention;
  /** Every request the purge's connectors sent through the real transport, in order. */
  sent: Sent[];
  connectorFor: (source: SourceRef) => Connector | undefined;
  /** Due documents by kind and location (`sharepoint:Contracten/brief-1.txt`, `mail:Inbox/…`). */
  due(): Promise<Map<string, number>>;
  /** Due documents whose policy needs no review: every purge deletes them unasked. */
  ready(): Promise<number[]>;
  /** Every stage approves (a records manager, then HR for the two-stage personnel file). */
  approve(documentIds: number[]): Promise<void>;
  /** Requests that delete `itemId` (DELETE or POST …/permanentDelete). */
  deletesOf(itemId: string): Sent[];
  itemOf(documentId: number): Promise<{ kind: string; root: string; itemId: string; version: string }>;
  /** Is the item still in the tenant (a GET by id answers 200, not 404)? */
  exists(documentId: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Logs what goes through, and passes it on unchanged to the real transport. */
function logging(transport: GraphTransport, sent: Sent[]): GraphTransport {
  const note = (method: string, url: string) => sent.push({ method, path: decodeURIComponent(new URL(url, 'https://graph.invalid/v1.0').pathname.replace(/^\/v1\.0/, '')) });
  return {
    request<T>(req: GraphRequest) {
      note(req.method ?? 'GET', req.url);
      return transport.request<T>(req);
    },
    download(url, options) {
      note('GET', url);
      return transport.download(url, options);
    },
    batch<T>(requests: GraphRequest[]) {
      for (const r of requests) note(r.method ?? 'GET', r.url);
      return transport.batch<T>(requests);
    },
    get counters() {
      return transport.counters;
    },
    close: () => transport.close(),
  };
}

/**
 * A small sandbox tenant (tenant-contract shape: two libraries, a OneDrive, two mailboxes), scanned through the
 * real transport into a fresh store; retention on a clock in 2040, every event date set to 2020, so every document
 * is due. The purge reaches the tenant through `createSourceConnectors` on the same transport, logged.
 */
export async function makeTenantWorld(options: { files?: number; scan?: Omit<TenantScanOptions, 'scan'> } = {}): Promise<TenantWorld> {
  const root = writeTenant(options.files ?? 6);
  // A passport copy kept for the payroll tax: its policy deletes without review, so some due documents are "ready".
  writeFileSync(join(root, 'sites/hr/Documenten/kopie-paspoort.txt'), PASSPORT_COPY);
  const tenant = await startTestTenant({ root, throttling: false });
  const store = openTempStore();
  const summary = await scanTenant(tenant.transport, store, { ...options.scan, scan: { classify: quickClassifier().classify } });
  if (summary.status !== 'completed') throw new Error(`the scan of the sandbox tenant ${summary.status}`);
  const retention = createRetention(store, { clock: () => LATER });
  await retention.setTrigger({ location: { prefix: '' } }, '2020-01-01', { actor: 'r.manager', comment: 'uit dienst' });
  const sent: Sent[] = [];
  const connectorFor = createSourceConnectors(logging(tenant.transport, sent));
  const itemOf = async (documentId: number) => {
    const [d] = await store.scheduled({ documentIds: [documentId], includeDeleted: true });
    if (!d) throw new Error(`no document ${documentId}`);
    return { kind: d.source.kind, root: d.source.root, itemId: d.itemId, version: d.version };
  };
  return {
    tenant, store, retention, sent, connectorFor, itemOf,
    async due() {
      const items = (await retention.due()).groups.flatMap((g) => g.items);
      return new Map(items.map((i) => [`${i.source.kind}:${i.location}`, i.documentId]));
    },
    async ready() {
      return (await retention.due()).groups.flatMap((g) => g.items).filter((i) => i.status === 'ready').map((i) => i.documentId);
    },
    async approve(documentIds) {
      await retention.approve(documentIds, { actor: 'r.manager', comment: 'termijn verstreken' });
      const results = await retention.approve(documentIds, { actor: 'hr.manager', comment: 'akkoord' });
      const refused = results.filter((r) => !r.ok && r.message !== 'already approved');
      if (refused.length) throw new Error(`not approved: ${refused.map((r) => r.message).join('; ')}`);
    },
    deletesOf(itemId) {
      return sent.filter((s) => (s.method === 'DELETE' && s.path.endsWith(`/${itemId}`)) || (s.method === 'POST' && s.path.endsWith(`/${itemId}/permanentDelete`)));
    },
    async exists(documentId) {
      const { kind, root, itemId } = await itemOf(documentId);
      const url = kind === 'mail' ? `/users/${root}/messages/${itemId}?$select=id` : `/drives/${root}/items/${itemId}?$select=id`;
      const answer = await tenant.transport.request({ url, accept: [404], headers: { Prefer: 'IdType="ImmutableId"' } });
      return answer.status === 200;
    },
    async close() {
      await store.close();
      await tenant.close();
    },
  };
}
