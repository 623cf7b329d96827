/**
 * Text tables (CSV, a pasted spreadsheet, Markdown): in a table every row is its own record, so a number's context
 * is its row and its column's header cell, not the row above. Shared by the phone and IBAN detectors; read only at a
 * found number, never over the whole text.
 */
import type { Span } from '../../src/types.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { firstFrom } from './special/sentence-span.ts';

/** Cell separators of a text table (CSV, pasted spreadsheet, Markdown). */
const CELL_SEPARATORS = [';', '\t', '|', ','] as const;

function count(line: string, sep: string): number {
  let n = 0;
  for (let i = line.indexOf(sep); i >= 0; i = line.indexOf(sep, i + 1)) n++;
  return n;
}

/** The separator that makes `line` a table row: at least two of them, as many as in a neighbouring row. */
function rowSeparator(line: string, above: string | undefined, below: string | undefined): string | undefined {
  for (const sep of CELL_SEPARATORS) {
    const n = count(line, sep);
    if (n >= 2 && ((above !== undefined && count(above, sep) === n) || (below !== undefined && count(below, sep) === n))) return sep;
  }
  return undefined;
}

/** Whether `line` holds at least two of one cell separator (cheap test first: most lines of running text do not). */
function mayBeRow(line: string): boolean {
  for (const sep of CELL_SEPARATORS) {
    const first = line.indexOf(sep);
    if (first >= 0 && line.indexOf(sep, first + 1) >= 0) return true;
  }
  return false;
}

/** A table row, its table's header line, the header cell of the number's column (empty on the header line itself) and the cell separator. */
export interface Row { row: Span; headerLine: Span; header: Span; sep: string }
export const lineAt = (s: string, span: Span) => s.slice(span.start, span.end);

/**
 * The table row that holds `at` and its column's header cell, or undefined in running text. In a table every row
 * is its own record: a word in the row above ("Noodnummer") says nothing about this row's number.
 */
export function tableRow(text: ScannedText, at: Span): Row | undefined {
  const s = text.text;
  const row = text.lineAround(at.start);
  const line = lineAt(s, row);
  if (!mayBeRow(line)) return undefined;
  const above = row.start > 0 ? lineAt(s, text.lineAround(row.start - 1)) : undefined;
  const below = row.end < s.length ? lineAt(s, text.lineAround(row.end + 1)) : undefined;
  const sep = rowSeparator(line, above, below);
  if (!sep) return undefined;
  // The header: the first line of the run of lines with as many separators (remembered per line: rows come in order).
  const headers = text.memo('table.headers', () => new Map<number, Span>());
  const n = count(line, sep);
  const walked: number[] = [];
  let header = row;
  while (header.start > 0 && !headers.has(header.start)) {
    const previous = text.lineAround(header.start - 1);
    if (count(lineAt(s, previous), sep) !== n) break;
    walked.push(header.start);
    header = previous;
  }
  header = headers.get(header.start) ?? header;
  for (const start of walked) headers.set(start, header);
  return { row, headerLine: header, header: headerCell(s, header, cellIndex(line, at.start - row.start, sep), sep), sep };
}

/** The number of the cell at `pos` (a position in `line`). */
function cellIndex(line: string, pos: number, sep: string): number {
  let index = 0;
  for (let i = line.indexOf(sep); i >= 0 && i < pos; i = line.indexOf(sep, i + 1)) index++;
  return index;
}

/** The header cell of column `index`: "Telefoon privé" speaks for its column, "Naam" in another column does not. */
function headerCell(s: string, header: Span, index: number, sep: string): Span {
  let start = header.start;
  for (let k = 0; k < index; k++) {
    const next = s.indexOf(sep, start);
    if (next < 0 || next >= header.end) return { start: header.end, end: header.end };
    start = next + 1;
  }
  const next = s.indexOf(sep, start);
  return { start, end: next < 0 || next > header.end ? header.end : next };
}


/** The first of `hits` that lies within `part`, or undefined. */
export function firstHitIn(hits: readonly KeywordHit[], part: Span): KeywordHit | undefined {
  const hit = hits[firstFrom(hits, part.start)];
  return hit !== undefined && hit.end <= part.end ? hit : undefined;
}

/** Whether one of `hits` lies within `part`. */
export const anyHitIn = (hits: readonly KeywordHit[], part: Span): boolean => firstHitIn(hits, part) !== undefined;

/**
 * Whether most data rows (below the header line) of the table hold a hit of `listId` of their own (or pass
 * `isCompanyRow`): a creditors' list of B.V.s. There a row without any context of its own ("Nedap Healthcare") is
 * one more organisation, not the one person among them. At least two such rows, more than half of them; remembered
 * per table and list (an id no word list has leaves the decision to `isCompanyRow` alone).
 */
export function mostlyCompanyRows(text: ScannedText, table: Row, listId: string, isCompanyRow?: (row: Span) => boolean): boolean {
  const memo = text.memo('table.companyRows', () => new Map<string, boolean>());
  const key = `${listId}:${table.headerLine.start}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const s = text.text;
  const hits = text.hits(listId);
  const n = count(lineAt(s, table.headerLine), table.sep);
  let rows = 0;
  let company = 0;
  for (let line = table.headerLine; line.end < s.length; ) {
    line = text.lineAround(line.end + 1);
    if (count(lineAt(s, line), table.sep) !== n) break;
    rows++;
    if (anyHitIn(hits, line) || isCompanyRow?.(line)) company++;
  }
  const mostly = company >= 2 && company * 2 > rows;
  memo.set(key, mostly);
  return mostly;
}

/**
 * The helpers above for a detector that walks a column itself (person-name: the cells under a "Voornaam" header):
 * the number of separators in a line, the index of the cell at a position in a line, and the span of cell `index`
 * of any line of the table (as for the header cell).
 */
export { count as cellCount, cellIndex, headerCell as cellSpan };
