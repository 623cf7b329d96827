import type { Connector } from '../connector.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { createDriveConnector, type DriveConnectorOptions } from '../sharepoint/index.ts';

/**
 * A user's OneDrive: a drive like a SharePoint library (the same connector), with source kind `onedrive`. Users
 * without one are found by discovery (connectors/tenant) and skipped, not failed.
 */
export function createOneDriveConnector(transport: GraphTransport, options: Omit<DriveConnectorOptions, 'kind'>): Connector {
  return createDriveConnector(transport, { ...options, kind: 'onedrive' });
}
