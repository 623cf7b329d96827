/**
 * Whether `at` stands in a row of a delimited table (an export, a CSV, a Markdown table): a line with two or more of
 * one separator (; | tab ,) next to a line with as many. Its header names the columns and its cells hold values
 * ("paspoort", "behandeling"): they say what the rows hold, not what kind of document the file is. A title line above
 * the table or in its first cells ("Debiteurenlijst",,,,), and prose with a comma or two, still count.
 */
export function inTableRow(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = lineEnd(text, start);
  for (const separator of SEPARATORS) {
    const n = count(text, separator, start, end);
    if (n < 2 || isTitleRow(text.slice(start, end).split(separator))) continue;
    if (start > 0) {
      const before = Math.max(text.lastIndexOf('\n', start - 2) + 1, start - 1 - MAX_ROW);
      if (count(text, separator, before, start - 1) === n) return true;
    }
    if (end < text.length && count(text, separator, end + 1, lineEnd(text, end + 1)) === n) return true;
  }
  return false;
}
const SEPARATORS = [';', '|', '\t', ','];
/** A row is read up to this many characters: a text of one endless line (minified HTML) costs no more than that. */
const MAX_ROW = 4000;

/** A row most of whose cells are empty is a title written into the table, not a header or a record. */
function isTitleRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => /[^\s"']/.test(cell)).length;
  return filled * 2 < cells.length;
}
const lineEnd = (text: string, from: number) => {
  const end = text.indexOf('\n', from);
  return Math.min(end < 0 ? text.length : end, from + MAX_ROW);
};
function count(text: string, separator: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(separator, from); i >= 0 && i < to; i = text.indexOf(separator, i + 1)) n++;
  return n;
}
