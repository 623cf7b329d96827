/**
 * Names in the columns of a text table (a CSV export, a pasted spreadsheet): "achternaam;voornaam" over
 * "Aydin;Elif". There the header cell is the label of every cell below it, as "Voornaam:" is of its value in a form;
 * the name readers of running text miss such cells (no blank after a first name, no lower-case word before a
 * surname). Read only from a name label that opens a header cell (a hit of the shared keyword pass), never over the
 * whole text.
 */
import type { ScannedText } from '../../text/scanned-text.ts';
import { cellCount, cellIndex, cellSpan, lineAt, tableRow } from '../table-row.ts';
import { build, known, LIST, RULES, STOP, type NameContext, type NameFind } from './cues.ts';
import { readName, type ReadOptions } from './parse.ts';

const LABELS = LIST('label');
const CELL_READ: ReadOptions = { titles: RULES.titleChain, caps: true, lowerParticleFirst: true, stop: STOP };

/**
 * Headers that can only hold a person's name. Under any other name label ("Naam", "Contact", "Leerling") a cell
 * must hold a word from the name lists: "Naam" also heads a column of products or projects.
 */
const PERSON_HEADERS = new Set([
  'voornaam', 'voornamen', 'achternaam', 'roepnaam', 'voorletters', 'geboortenaam', 'meisjesnaam',
  'first name', 'last name', 'surname', 'given name', 'full name',
]);
/** The compound labels "naam werknemer", "naam leerling": the name of a person. */
const isPersonHeader = (entry: string) => PERSON_HEADERS.has(entry) || entry.startsWith('naam ');

const isPad = (c: number) => c === 32 || c === 9 || c === 34 || c === 39 || c === 13; // blanks, quotes, a CR

/** The cell's first character after blanks and quotes, or `end` for an empty cell. */
function cellStart(s: string, start: number, end: number): number {
  while (start < end && isPad(s.charCodeAt(start))) start++;
  return start;
}

/** Whether only blanks and quotes lie between `pos` and `end`. */
function restIsPad(s: string, pos: number, end: number): boolean {
  while (pos < end && isPad(s.charCodeAt(pos))) pos++;
  return pos >= end;
}

/**
 * A label hit that opens a cell: after a line start or a cell separator (blanks and quotes between), so that
 * running text ("de patient kreeg") is ruled out by a look at one or two characters before any table test.
 */
function opensCell(s: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 34 || s.charCodeAt(i) === 39)) i--; // not a tab: a separator
  const c = s.charCodeAt(i);
  return i < 0 || c === 10 || c === 59 || c === 9 || c === 124 || c === 44;
}

/**
 * For each name label that opens a cell of a table's header line, the cells of its column: a cell that holds a
 * name and nothing else is a name, labelled by its header.
 */
export function tableNames(scanned: ScannedText, ctx: NameContext, out: (NameFind | undefined)[]): void {
  const s = ctx.text;
  const labels = scanned.hits(LABELS);
  for (let k = 0; k < labels.length; k++) {
    const hit = labels[k]!;
    if (s.charCodeAt(hit.end - 1) === 58 || !opensCell(s, hit.start)) continue; // "van:": a form field, not a header
    const table = tableRow(scanned, hit);
    if (!table || table.row.start !== table.headerLine.start) continue; // not on a table's header line
    const { sep, headerLine } = table;
    const header = lineAt(s, headerLine);
    const column = cellIndex(header, hit.start - headerLine.start, sep);
    const person = isPersonHeader(hit.entry.toLowerCase());
    const n = cellCount(header, sep);
    for (let line = headerLine; line.end < s.length; ) {
      line = scanned.lineAround(line.end + 1);
      if (cellCount(lineAt(s, line), sep) !== n) break; // the table ends
      const cell = cellSpan(s, line, column, sep);
      const from = cellStart(s, cell.start, cell.end);
      if (from >= cell.end) continue;
      const name = readName(s, from, CELL_READ);
      if (!name || !restIsPad(s, name.end, cell.end)) continue; // not a name alone: "Jansen Transport", a note
      const isKnown = known(name);
      if (!person && !(isKnown && (name.words.length > 1 || !RULES.ambiguous.has(name.words[0]!.toLowerCase())))) continue;
      // Scored as the same value after "Voornaam:" in a form (see cueNames), with a reason that names the column.
      const several = name.words.length + name.initials >= 2 || isKnown;
      out.push(build(ctx, name, several ? 'column' : 'columnSingleWord', hit.start, hit.end));
    }
  }
}
