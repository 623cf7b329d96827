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

  return async function writeColumns(itemId: string, labels: ItemLabels): Promise<void> {
    ready ??= ensureColumns().catch((error: unknown) => {
      ready = undefined; // try again with the next item
      throw error;
    });
    await ready;
    await transport.request({
      method: 'PATCH',
      url: `/drives/${seg(driveId)}/items/${seg(itemId)}/listItem/fields`,
      body: {
        [COLUMNS.label.name]: labels.label,
        [COLUMNS.documentType.name]: labels.documentType ?? null,
        [COLUMNS.disposeAfter.name]: labels.disposeAfter ?? null,
      },
      cost: 2,
    });
  };
}
