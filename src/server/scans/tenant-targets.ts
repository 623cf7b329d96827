import type { GraphTransport } from '../../../connectors/graph/transport.ts';
import { discoverTenant, type TenantDiscovery, type TenantSource } from '../../../connectors/tenant/index.ts';
import type { ScanTarget } from './launcher.ts';

/** A tenant's sources as scan targets, with the names an administrator recognises (site/library, a person's name). */
export interface TenantTargets {
  discovery: TenantDiscovery;
  targets: ScanTarget[];
  /** The source behind a target id. */
  sources: Map<string, TenantSource>;
}

const KIND_NAMES: Record<TenantSource['kind'], string> = { sharepoint: 'SharePoint', onedrive: 'OneDrive', mail: 'Postvak' };

/** A target id names the kind and the drive or user id: stable across discoveries, nothing personal in it. */
export const targetId = (source: Pick<TenantSource, 'kind' | 'root'>) => `${source.kind}:${source.root}`;

/** Display names of the tenant's users (discovery keeps only their ids, which mean nothing to a person). */
async function userNames(transport: GraphTransport, signal?: AbortSignal): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let next: string | undefined = '/users?$select=id,displayName&$top=999';
  while (next) {
    const { body }: { body: { value?: { id: string; displayName?: string }[]; '@odata.nextLink'?: string } } = await transport.request({ url: next, cost: 1, ...(signal ? { signal } : {}) });
    for (const u of body.value ?? []) if (u.displayName) names.set(u.id, u.displayName);
    next = body['@odata.nextLink'];
  }
  return names;
}

/** Discovers the tenant now and names every library, OneDrive and mailbox in it, sorted as the Scans screen lists them. */
export async function discoverTargets(transport: GraphTransport, signal?: AbortSignal): Promise<TenantTargets> {
  const options = signal ? { signal } : {};
  const [discovery, names] = await Promise.all([discoverTenant(transport, options), userNames(transport, signal)]);
  const sources = new Map<string, TenantSource>();
  const targets: ScanTarget[] = [];
  for (const source of discovery.sources) {
    const id = targetId(source);
    // OneDrives and mailboxes carry their owner as `user:ID` in the title; libraries carry site/library.
    const name = source.kind === 'sharepoint' ? source.title : (names.get(source.title.replace(/^user:/, '')) ?? source.title);
    sources.set(id, source);
    targets.push({ id, kind: source.kind, name: `${KIND_NAMES[source.kind]} · ${name}` });
  }
  const order = { sharepoint: 0, onedrive: 1, mail: 2 } as const;
  targets.sort((a, b) => order[a.kind as TenantSource['kind']] - order[b.kind as TenantSource['kind']] || a.name.localeCompare(b.name, 'nl'));
  return { discovery, targets, sources };
}
