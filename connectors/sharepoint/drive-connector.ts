import { ConnectorError, type Connector, type Item } from '../connector.ts';
import { isGraphError } from '../graph/graph-error.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { createColumnWriter } from './columns.ts';
import { createDownloadUrls } from './download-urls.ts';
import { driveDelta } from './drive-delta.ts';
import { COLUMNS, DELTA_SELECT, labelsOf } from './drive-item.ts';
import { createFolderTree, type FolderStorage } from './folder-tree.ts';
import { asConnector, seg } from './graph-errors.ts';

/** The optional title and web address of a source, without undefined keys. */
export const describe = (o: { title?: string | undefined; webUrl?: string | undefined }) => ({
  ...(o.title ? { title: o.title } : {}),
  ...(o.webUrl ? { webUrl: o.webUrl } : {}),
});

export interface DriveConnectorOptions {
  /** `sharepoint` for a site's document library, `onedrive` for a user's OneDrive. */
  kind: 'sharepoint' | 'onedrive';
  driveId: string;
  /** What people call the drive and its web address (discovery knows them): carried on `source` for the store. */
  title?: string;
  webUrl?: string;
  /** Where the folder tree is kept between runs (the store, per source); default: in memory. */
  folders?: FolderStorage;
  /**
   * Also read the write-back columns in the listing, so `Item.labels` shows what was written. Off by default: it
   * costs a request per listed file (20 to a $batch); a scan knows what it wrote from the store.
   */
  readLabels?: boolean;
}

/**
 * A document library or OneDrive as a source: one implementation for both (a OneDrive is a drive like any other).
 * The listing is a delta: the first enumeration lists the whole drive and ends with a delta link, from which the
 * next scan gets only what changed. Content is read through the listing's pre-authenticated download URL (falling
 * back to /content when it expired); deletion needs the eTag the document was judged at (If-Match).
 */
export function createDriveConnector(transport: GraphTransport, options: DriveConnectorOptions): Connector {
  const drive = `/drives/${seg(options.driveId)}`;
  const tree = createFolderTree(options.folders);
  const downloads = createDownloadUrls();
  const writeColumns = createColumnWriter(transport, options.driveId);
  const startUrl = `${drive}/root/delta?$select=${DELTA_SELECT}`;
  const fieldsSelect = Object.values(COLUMNS).map((c) => c.name).join(',');

  async function addLabels(items: Item[]): Promise<void> {
    const answers = await transport.batch<Record<string, unknown>>(
      items.map((i) => ({ url: `${drive}/items/${seg(i.id)}/listItem/fields?$select=${fieldsSelect}`, accept: [404] })),
    );
    items.forEach((item, n) => {
      const labels = answers[n]?.status === 200 ? labelsOf(answers[n].body) : undefined;
      if (labels) item.labels = labels;
    });
  }

  return {
    source: { kind: options.kind, root: options.driveId, ...describe(options) },
    listing: 'delta',
    capabilities: { delete: true, writeLabel: true },

    enumerate(cursor, enumerateOptions) {
      const childrenUrl = (folder: string) => `${drive}/items/${seg(folder)}/children?$select=${DELTA_SELECT}&$top=999`;
      const context = { transport, tree, startUrl, childrenUrl, rememberDownload: downloads.remember, ...(options.readLabels ? { addLabels } : {}) };
      return driveDelta(context, cursor, enumerateOptions);
    },

    async fetch(item, fetchOptions = {}) {
      const max = fetchOptions.maxBytes ?? Infinity;
      if (item.size > max) throw new ConnectorError('too-large', `too large: ${item.size} bytes (limit ${max})`);
      const limits = { ...(Number.isFinite(max) ? { maxBytes: max } : {}), ...(fetchOptions.signal ? { signal: fetchOptions.signal } : {}) };
      const url = downloads.take(item.id);
      if (url) {
        try {
          return { bytes: await transport.download(url, limits), version: item.version };
        } catch (error) {
          // An expired or revoked pre-authenticated URL: ask Graph for a fresh one below.
          if (!isGraphError(error) || ![401, 403, 404, 410].includes(error.status)) throw error;
        }
      }
      const bytes = await asConnector(() => transport.download(`${drive}/items/${seg(item.id)}/content`, limits));
      return { bytes, version: item.version };
    },

    async delete(item, version, deleteOptions = {}) {
      // The recycle bin by default (DELETE); past it on request (permanentDelete). Both carry If-Match: a document
      // changed since it was judged is refused by SharePoint itself (412), a locked one answers 423.
      const request = deleteOptions.permanent
        ? { method: 'POST' as const, url: `${drive}/items/${seg(item.id)}/permanentDelete` }
        : { method: 'DELETE' as const, url: `${drive}/items/${seg(item.id)}` };
      await asConnector(() => transport.request({ ...request, headers: { 'If-Match': version }, cost: 2 }));
    },

    async writeLabel(item, labels) {
      return asConnector(() => writeColumns(item.id, labels));
    },
  };
}
