/** The format-free content of one document: a title, its lines, and for spreadsheets and CSV a table. */
export interface Doc {
  title: string;
  lines: string[];
  table?: { header: string[]; rows: (string | number)[][] };
}

/** The lines of a document as plain text; a table is written as tab-separated rows after the lines. */
export function plainText(doc: Doc): string {
  const table = doc.table ? [doc.table.header.join('\t'), ...doc.table.rows.map((r) => r.join('\t'))] : [];
  return [doc.title, '', ...doc.lines, ...(table.length ? ['', ...table] : [])].join('\n') + '\n';
}

export const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every table row as a line, for formats without tables. */
export function allLines(doc: Doc): string[] {
  const table = doc.table ? [doc.table.header.join(' | '), ...doc.table.rows.map((r) => r.join(' | '))] : [];
  return [...doc.lines, ...table];
}

/** Fixed zip entry dates, so a rebuild writes the same bytes. */
export const ZIP_DATE = new Date('2025-01-06T09:00:00Z');
