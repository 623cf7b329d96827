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

/** A target id names the kind and the drive or user id: stable across discoveries, nothing personal in it. */
export const targetId = (source: Pick<TenantSource, 'kind' | 'root'>) => `${source.kind}:${source.root}`;

/** Discovers the tenant now and names every library, OneDrive and mailbox in it, sorted as the Scans screen lists them. */
export async function discoverTargets(transport: GraphTransport, signal?: AbortSignal): Promise<TenantTargets> {
  const options = signal ? { signal } : {};
  const discovery = await discoverTenant(transport, options);
  const sources = new Map<string, TenantSource>();
  const targets: ScanTarget[] = [];
  for (const source of discovery.sources) {
    const id = targetId(source);
    // Discovery's titles name OneDrives and mailboxes by their owner with the kind ("OneDrive · …"); a library's is "site · library".
    sources.set(id, source);
    targets.push({ id, kind: source.kind, name: source.kind === 'sharepoint' ? `SharePoint · ${source.title}` : source.title });
  }
  const order = { sharepoint: 0, onedrive: 1, mail: 2 } as const;
  targets.sort((a, b) => order[a.kind as TenantSource['kind']] - order[b.kind as TenantSource['kind']] || a.name.localeCompare(b.name, 'nl'));
  return { discovery, targets, sources };
}
