import { allLines, type Doc, plainText, xml } from './doc.ts';

export const toTxt = (doc: Doc) => plainText(doc);

export function toMarkdown(doc: Doc): string {
  const table = doc.table
    ? ['', `| ${doc.table.header.join(' | ')} |`, `|${doc.table.header.map(() => ' --- |').join('')}`, ...doc.table.rows.map((r) => `| ${r.join(' | ')} |`)]
    : [];
  return [`# ${doc.title}`, '', ...doc.lines.map((l) => (l === '' ? '' : l)), ...table].join('\n') + '\n';
}

export function toHtml(doc: Doc): string {
  const table = doc.table
    ? [`<table>`, `<tr>${doc.table.header.map((h) => `<th>${xml(h)}</th>`).join('')}</tr>`, ...doc.table.rows.map((r) => `<tr>${r.map((c) => `<td>${xml(String(c))}</td>`).join('')}</tr>`), '</table>']
    : [];
  return [
    '<!DOCTYPE html>',
    '<html lang="nl"><head><meta charset="utf-8"><title>' + xml(doc.title) + '</title></head><body>',
    `<h1>${xml(doc.title)}</h1>`,
    ...doc.lines.filter((l) => l !== '').map((l) => `<p>${xml(l)}</p>`),
    ...table,
    '</body></html>',
  ].join('\n') + '\n';
}

const csvCell = (c: string | number) => (/[;"\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c));

/** Semicolon-separated, as Dutch Excel writes CSV. */
export function toCsv(doc: Doc): string {
  if (!doc.table) throw new Error(`CSV needs a table: ${doc.title}`);
  return [doc.table.header, ...doc.table.rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** RTF with non-ASCII characters as \u escapes, the way Word writes them. */
export function toRtf(doc: Doc): string {
  const esc = (s: string) =>
    [...s].map((c) => {
      const code = c.charCodeAt(0);
      if (c === '\\' || c === '{' || c === '}') return `\\${c}`;
      return code > 127 ? `\\u${code}?` : c;
    }).join('');
  const body = [`{\\b ${esc(doc.title)}}\\par`, '\\par', ...allLines(doc).map((l) => `${esc(l)}\\par`)];
  return `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}\\f0\\fs22\n${body.join('\n')}\n}\n`;
}
