import { ConnectorError, type Connector } from '../connector.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { createFolderTree, type FolderStorage } from '../sharepoint/folder-tree.ts';
import { asConnector, seg } from '../sharepoint/graph-errors.ts';
import { describe } from '../sharepoint/drive-connector.ts';
import { mailDelta } from './mail-delta.ts';
import { CATEGORY_PREFIX, IMMUTABLE } from './message.ts';

export interface MailConnectorOptions {
  /** The mailbox owner's user id (the source root). */
  userId: string;
  /** What people call the mailbox ("Postvak · name") and where it opens (Outlook on the web): carried on `source`. */
  title?: string;
  webUrl?: string;
  /** Where the folder tree is kept between runs (the store, per source); default: in memory. */
  folders?: FolderStorage;
}

/** The single-value extended property write-back sets: the labels as JSON, readable by any mail client add-in. */
export const LABELS_PROPERTY = 'String {8c9f5b2e-6f4c-4d53-9a51-6a3f0c1b7e24} Name BewaarderLabels';

/**
 * A mailbox as a source: every message is one document — its MIME with all attachments (GET …/$value, one request
 * per message; the extractor reads the .eml and its attachments as parts). Listed per folder by delta.
 */
export function createMailConnector(transport: GraphTransport, options: MailConnectorOptions): Connector {
  const { userId } = options;
  const tree = createFolderTree(options.folders);
  const message = (id: string) => `/users/${seg(userId)}/messages/${seg(id)}`;

  return {
    source: { kind: 'mail', root: userId, ...describe(options) },
    listing: 'delta',
    capabilities: { delete: true, writeLabel: true },

    enumerate(cursor, enumerateOptions) {
      return mailDelta({ transport, userId, tree }, cursor, enumerateOptions);
    },

    async fetch(item, fetchOptions = {}) {
      const max = fetchOptions.maxBytes;
      const bytes = await asConnector(() =>
        transport.download(`${message(item.id)}/$value`, {
          mailbox: userId,
          ...(max !== undefined && Number.isFinite(max) ? { maxBytes: max } : {}),
          ...(fetchOptions.signal ? { signal: fetchOptions.signal } : {}),
        }),
      );
      return { bytes, version: item.version };
    },

    async delete(item, version, deleteOptions = {}) {
      // Outlook has no If-Match on delete we can rely on: check the change key right before.
      const current = await asConnector(() =>
        transport.request<{ changeKey?: string; '@odata.etag'?: string }>({ url: `${message(item.id)}?$select=id,changeKey`, headers: { Prefer: IMMUTABLE }, mailbox: userId }),
      );
      const key = current.body.changeKey ?? current.body['@odata.etag'];
      if (key !== version) throw new ConnectorError('version-conflict', 'changed since it was classified');
      // DELETE moves it to Deleted Items (recoverable); permanentDelete to Recoverable Items\Purges (GRAPH.md §6).
      const request = deleteOptions.permanent
        ? { method: 'POST' as const, url: `${message(item.id)}/permanentDelete` }
        : { method: 'DELETE' as const, url: message(item.id) };
      await asConnector(() => transport.request({ ...request, headers: { Prefer: IMMUTABLE }, mailbox: userId, cost: 2 }));
    },

    async writeLabel(item, labels) {
      const current = await asConnector(() =>
        transport.request<{ categories?: string[] }>({ url: `${message(item.id)}?$select=id,categories`, headers: { Prefer: IMMUTABLE }, mailbox: userId }),
      );
      const categories = (current.body.categories ?? []).filter((c) => !c.startsWith(CATEGORY_PREFIX));
      const answer = await asConnector(() =>
        transport.request<{ changeKey?: string; '@odata.etag'?: string }>({
          method: 'PATCH',
          url: message(item.id),
          headers: { Prefer: IMMUTABLE },
          mailbox: userId,
          cost: 2,
          body: {
            categories: [...categories, `${CATEGORY_PREFIX}${labels.label}`],
            singleValueExtendedProperties: [{ id: LABELS_PROPERTY, value: JSON.stringify(labels) }],
          },
        }),
      );
      // The PATCH answers with the message as it is now: its change key is the message's new version.
      return answer.body?.changeKey ?? answer.body?.['@odata.etag'];
    },
  };
}
