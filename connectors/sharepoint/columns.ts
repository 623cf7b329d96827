import { DOCTYPES } from '../../classifiers/doctype/doctypes.ts';
import type { ItemLabels } from '../connector.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { COLUMNS } from './drive-item.ts';
import { seg } from './graph-errors.ts';

/**
 * Write-back to a library: three columns (label, document type, disposal date) on the drive's list, created when
 * missing — once per list, the first time a label is written — and a PATCH of the item's list fields. The write
 * changes the item's eTag, not its content hash, so the next scan sees it unchanged (no reclassification).
 */
export function createColumnWriter(transport: GraphTransport, driveId: string) {
  let ready: Promise<void> | undefined;

  async function ensureColumns(): Promise<void> {
    // The drive's own list (a library, or a OneDrive's Documents): columns are created there, once per drive.
    const base = `/drives/${seg(driveId)}/list/columns`;
    const existing = await transport.request<{ value?: { name?: string }[] }>({ url: `${base}?$select=name`, cost: 2 });
    const names = new Set((existing.body.value ?? []).map((c) => c.name));
    const wanted = [
      { ...COLUMNS.label, choice: { allowTextEntry: false, choices: ['geen', 'generiek', 'bijzonder'], displayAs: 'dropDownMenu' } },
      { ...COLUMNS.documentType, choice: { allowTextEntry: true, choices: DOCTYPES.types.map((t) => t.id), displayAs: 'dropDownMenu' } },
      { ...COLUMNS.disposeAfter, dateTime: { displayAs: 'default', format: 'dateOnly' } },
    ];
    for (const column of wanted) {
      if (names.has(column.name)) continue;
      await transport.request({ method: 'POST', url: base, body: { ...column, description: 'Gezet door Bewaarder' }, cost: 2, accept: [409] });
    }
  }

  /**
   * The PATCH answers with the list item's fields and its etag. Where that is the drive item's eTag form
   * (`"{GUID},N"`, as the sandbox and OneDrive give it) it is the item's new version; SharePoint may give the list
   * item's own form (`"guid,N"`), and then the drive item's eTag is read (1 RU) rather than guessed.
   */
  async function newVersion(itemId: string, answered: unknown): Promise<string | undefined> {
    if (typeof answered === 'string' && DRIVE_ETAG.test(answered)) return answered;
    try {
      const item = await transport.request<{ eTag?: string }>({ url: `/drives/${seg(driveId)}/items/${seg(itemId)}?$select=id,eTag` });
      return item.body?.eTag;
    } catch {
      // The write itself succeeded: without its new version the store keeps the old one until the next scan.
      return undefined;
    }
  }

  return async function writeColumns(itemId: string, labels: ItemLabels): Promise<string | undefined> {
    ready ??= ensureColumns().catch((error: unknown) => {
      ready = undefined; // try again with the next item
      throw error;
    });
    await ready;
    const answer = await transport.request<{ '@odata.etag'?: string }>({
      method: 'PATCH',
      url: `/drives/${seg(driveId)}/items/${seg(itemId)}/listItem/fields`,
      body: {
        [COLUMNS.label.name]: labels.label,
        [COLUMNS.documentType.name]: labels.documentType ?? null,
        [COLUMNS.disposeAfter.name]: labels.disposeAfter ?? null,
      },
      cost: 2,
    });
    return newVersion(itemId, answer.body?.['@odata.etag']);
  };
}

const DRIVE_ETAG = /^"\{[0-9A-Fa-f-]+\},\d+"$/;
