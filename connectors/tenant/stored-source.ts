import type { Connector, SourceRef } from '../connector.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { connectorFor } from './source-connector.ts';

const KINDS = new Set(['sharepoint', 'onedrive', 'mail']);

/**
 * The purge job's `connectorFor` for a tenant: a stored source (a library, a OneDrive, a mailbox, by kind and root)
 * rebuilt as its connector on `transport`, one per source. Only `fetch` and `delete` are used on these, which need
 * no folder tree, so it is kept in memory; a scan keeps its tree in the store (scanTenant). Other kinds (a folder):
 * undefined, for the caller to try its own.
 */
export function createSourceConnectors(transport: GraphTransport): (source: SourceRef) => Connector | undefined {
  const made = new Map<string, Connector>();
  return function connectorForSource(source) {
    if (!KINDS.has(source.kind)) return undefined;
    const key = `${source.kind}\u0000${source.root}`;
    let connector = made.get(key);
    if (!connector) {
      // The stored title and address, if any: never a stand-in, which a later store.source() would record.
      connector = connectorFor(transport, { ...source, kind: source.kind as 'sharepoint' | 'onedrive' | 'mail', title: source.title ?? '' });
      made.set(key, connector);
    }
    return connector;
  };
}
