import { CATEGORIES, type Category } from '../../src/types.ts';
import { RuleError } from '../rules.ts';

/**
 * A delimited table with columns of amounts (rules/doctypes.json "moneyTable"): an export of revenue per article,
 * budgets per project, contributions per member, salary changes per employee. Its header and cells are no cue words
 * (classifier.ts, inTableRow) and the text model reads few exports, so without this rule such a file has no type.
 */
export interface MoneyTableRule {
  /** At least this many columns of amounts make the table a money table. */
  minColumns: number;
  /** Words in a column's header that name money: a column of whole numbers under them holds amounts too. */
  headerWords: ReadonlySet<string>;
  /** Words in a header that name a measure (uren, kg, mg/l, %): such a column's decimals are no amounts. */
  measureWords: ReadonlySet<string>;
  /**
   * A table with one of these findings (a date of birth, a BSN) is a register of persons (members, personnel, a
   * pension fund's delivery): it is kept for the persons, its amounts are some of their attributes.
   */
  unlessFindings: readonly Category[];
  /**
   * A row whose first filled cell opens with one of these words ("Totaal", "TOTAAL (12 leden)", "Total") and that holds
   * an amount in a money column totals the table: such a table is kept for its sums, so one column of amounts is
   * enough and persons in its rows (a payroll journal, arrears per tenant) do not make it a register of persons.
   */
  totalWords: ReadonlySet<string>;
}

export function readMoneyTableRule(raw: unknown, where: string): MoneyTableRule | undefined {
  if (raw === undefined) return undefined;
  const r = raw as Record<string, unknown>;
  const words = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (
    typeof r !== 'object' || r === null || !Number.isInteger(r.minColumns) || (r.minColumns as number) < 1 ||
    !words(r.headerWords) || !words(r.measureWords) || !words(r.unlessFindings) || !words(r.totalWords)
  ) {
    throw new RuleError('doctypes.json', `${where}.moneyTable must be { minColumns: number, headerWords: [words], measureWords: [words], unlessFindings: [categories], totalWords: [words] }`);
  }
  const unknown = r.unlessFindings.find((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknown) throw new RuleError('doctypes.json', `${where}.moneyTable.unlessFindings: unknown category "${unknown}"`);
  return {
    minColumns: r.minColumns as number,
    headerWords: new Set(r.headerWords.map((w) => w.toLowerCase())),
    measureWords: new Set(r.measureWords.map((w) => w.toLowerCase())),
    unlessFindings: r.unlessFindings as Category[],
    totalWords: new Set(r.totalWords.map((w) => w.toLowerCase())),
  };
}

/**
 * The table must be the document: its header within the first lines (below a title, a date, a note), not a table of
 * prices in a letter or a report. Its header and first rows show what its columns hold: only those are read.
 */
const MAX_HEADER_LINE = 6;
const MAX_LINES = 40;
const MAX_LINE = 4000;
/** A table is a header and at least this many rows with as many cells. */
const MIN_ROWS = 3;
const MIN_CELLS = 3;
const SEPARATORS = [';', '\t', '|', ','];
/** A share of a column's filled cells this large must be amounts (a note or "n.v.t." in a cell is allowed). */
const MOST = 0.8;

/** An amount as exports write it: two decimals, thousands grouped or not, a currency sign or a minus around it. */
const AMOUNT = /^(?:€|eur)?\s?[-−]?\s?(?:€\s?)?(?:\d{1,3}(?:[.\s]\d{3})+|\d+)[.,]\d{2}(?:\s?(?:€|eur))?$/i;
/** Any number: under a header that names money (a budget in whole euros) it is an amount too. */
const NUMBER = /^(?:€\s?)?[-−]?\d+(?:[.,]\d+)*$/;

/** A delimited table as it stands at the top of a text: its separator, its header's cells and its rows' cells. */
export interface TopTable {
  separator: string;
  header: string[];
  rows: string[][];
  /** The lines above the header (a title, a note such as "bedragen x EUR 1.000"). */
  above: string[];
}

/**
 * The delimited table at the text's top, if the text opens with one (its header within the first lines): the text is
 * then an export or a register, a table of records, whatever its rows are about.
 */
export function topTable(text: string): TopTable | undefined {
  const lines = firstLines(text);
  for (const separator of SEPARATORS) {
    const table = firstTable(lines, separator);
    if (table) return table;
  }
  return undefined;
}

/** How many columns of the delimited table at the text's top hold amounts (0: none, or no table there). */
export function moneyColumnCount(text: string, rule: Pick<MoneyTableRule, 'headerWords' | 'measureWords'>): number {
  const table = topTable(text);
  return table ? moneyColumns(table, rule).length : 0;
}

/**
 * Whether a row of the table totals one of its money columns (`columns`, from moneyColumns): a row read with the
 * table, or one of the text's last lines (a long table's total stands below the rows read).
 */
export function hasTotalRow(text: string, table: TopTable, columns: readonly number[], totalWords: ReadonlySet<string>): boolean {
  if (columns.length === 0) return false;
  const isTotal = (row: readonly string[]) => {
    const first = row.find((cell) => cell !== '');
    const word = first?.toLowerCase().match(HEADER_WORD)?.[0];
    return !!word && totalWords.has(word) && columns.some((c) => NUMBER.test(row[c]!) || AMOUNT.test(row[c]!));
  };
  const tail = text.slice(-TAIL_CHARS).split('\n');
  if (text.length > TAIL_CHARS) tail.shift(); // cut off in the middle
  return table.rows.some(isTotal) || tail.filter((line) => line.trim() !== '').slice(-TAIL_LINES).some((line) => {
    const row = line.includes(table.separator) ? splitRow(line.replace(/\r$/, ''), table.separator) : [];
    return row.length === table.header.length && isTotal(row);
  });
}
/** A total row is looked for in this many last lines of the text (below it: a note, a source line, a signature). */
const TAIL_LINES = 5;
const TAIL_CHARS = 5 * MAX_LINE;

function firstLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < MAX_LINES && start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push(text.slice(start, Math.min(stop, start + MAX_LINE)).replace(/\r$/, ''));
    start = stop + 1;
  }
  return lines;
}

/**
 * The first header (a line most of whose cells are filled: a title written into the table's first cells is none)
 * followed by at least MIN_ROWS lines with as many cells; a Markdown rule line (|---|---|) is skipped.
 */
function firstTable(lines: readonly string[], separator: string): TopTable | undefined {
  // Lines are split when first read: most texts have no header in their first lines, and their prose is never split.
  const split: (string[] | undefined)[] = new Array(lines.length);
  const row = (k: number) => (split[k] ??= lines[k]!.includes(separator) ? splitRow(lines[k]!, separator) : []);
  for (let i = 0; i < MAX_HEADER_LINE && i + MIN_ROWS < lines.length; i++) {
    const header = row(i);
    if (header.length < MIN_CELLS || filled(header) * 2 <= header.length) continue;
    const rows: string[][] = [];
    for (let j = i + 1; j < lines.length && row(j).length === header.length; j++) {
      if (!row(j).every((cell) => /^[\s:-]*$/.test(cell))) rows.push(row(j));
    }
    if (rows.length >= MIN_ROWS) return { separator, header, rows, above: lines.slice(0, i) };
  }
  return undefined;
}

/** A row's cells, trimmed, quotes taken off; a separator inside quotes ("4.318,20" in a comma file) is no separator. */
function splitRow(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** A header's words: "omzet_excl_btw" is omzet, excl, btw; "Krediet (EUR)" is krediet, eur; "marge %" is marge, %. */
const HEADER_WORD = /[\p{L}\d]+|€|%/gu;

/** A column header that is a year: a period of a multi-year table. */
const YEAR = /^(?:19|20)\d{2}$/;

const filled = (cells: readonly string[]) => cells.filter((cell) => cell !== '').length;

/** The columns (indexes) of the table that hold amounts. */
export function moneyColumns({ header, rows, above }: TopTable, rule: Pick<MoneyTableRule, 'headerWords' | 'measureWords'>): number[] {
  const columns: number[] = [];
  // A multi-year budget heads its columns with the years and names the money once, above the table ("bedragen x EUR 1").
  const moneyAbove = above.some((line) => (line.toLowerCase().match(HEADER_WORD) ?? []).some((word) => rule.headerWords.has(word)));
  for (let c = 0; c < header.length; c++) {
    const cells = rows.map((row) => row[c]!).filter((cell) => cell !== '');
    if (cells.length * 2 < rows.length) continue; // a mostly empty column says little
    const words = header[c]!.toLowerCase().match(HEADER_WORD) ?? [];
    if (words.some((word) => rule.measureWords.has(word))) continue;
    const namesMoney = words.some((word) => rule.headerWords.has(word)) || (moneyAbove && YEAR.test(header[c]!));
    const isAmount = (cell: string) => AMOUNT.test(cell) || (namesMoney && NUMBER.test(cell));
    if (cells.filter(isAmount).length >= MOST * cells.length) columns.push(c);
  }
  return columns;
}
