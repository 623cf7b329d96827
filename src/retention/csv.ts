import type { DisposalRecord } from './types.ts';

export const DISPOSAL_COLUMNS = [
  'seq', 'deletedAt', 'sourceKind', 'sourceRoot', 'folder', 'nameHash', 'documentType', 'label', 'categories', 'policy',
  'ground', 'disposeAfter', 'approvers', 'permanent', 'answer', 'prevHash', 'hash',
] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
function cell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The disposal log as CSV lines (header first): what Purview calls "disposed items", for auditors and archives. */
export function* disposalsCsv(records: Iterable<DisposalRecord>): Generator<string> {
  yield DISPOSAL_COLUMNS.join(',');
  for (const r of records) {
    yield [
      r.seq, r.deletedAt, r.sourceKind, r.sourceRoot, r.folder, r.nameHash, r.documentType, r.label, r.categories.join(' '),
      r.policyId, r.ground, r.disposeAfter,
      r.approvers.map((a) => `${a.actor} (${a.stage}, ${a.at}${a.comment ? `: ${a.comment}` : ''})`).join(' | '),
      r.permanent, r.answer, r.prevHash, r.hash,
    ].map(cell).join(',');
  }
}
