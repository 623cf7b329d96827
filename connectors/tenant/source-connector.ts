import type { Connector } from '../connector.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { createMailConnector } from '../mail/index.ts';
import { createDriveConnector, type FolderStorage } from '../sharepoint/index.ts';
import { describe } from '../sharepoint/drive-connector.ts';
import type { ConnectorStateStore } from '../../src/store/connector-state.ts';
import type { TenantSource } from './discover.ts';

/** The folder tree of one source, kept in the store so a resumed or later run knows every item's folder. */
export function storeFolders(store: ConnectorStateStore, sourceId: number): FolderStorage {
  return {
    load: async () => (await store.folders(sourceId)).values(),
    save: (put, remove) => store.saveFolders(sourceId, put, remove),
  };
}

/** The connector for a discovered source (without `folders`: its folder tree in memory). */
export function connectorFor(transport: GraphTransport, source: TenantSource, folders?: FolderStorage): Connector {
  const keep = { ...(folders ? { folders } : {}), ...describe(source) };
  if (source.kind === 'mail') return createMailConnector(transport, { userId: source.root, ...keep });
  return createDriveConnector(transport, { kind: source.kind, driveId: source.root, ...keep });
}
