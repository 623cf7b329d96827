import ExcelJS from 'exceljs';
import { emptyWarning } from '../embedded.ts';
import { embeddedFileParts, verifyMembers } from '../office/package.ts';
import { ExtractionError, type Extractor } from '../types.ts';
import { tidy } from '../xml-text.ts';
import { openZip } from '../zip/zip-archive.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** A cell's value as people read it: dates as dd-mm-jjjj (what the date-of-birth detector knows), formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}` : '';
    return `${two(value.getUTCDate())}-${two(value.getUTCMonth() + 1)}-${value.getUTCFullYear()}${time}`;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
  if ('error' in value) return '';
  return '';
}

/** A note's text (the comment on a cell). */
function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * Excel (.xlsx, .xlsm) through exceljs: every sheet — hidden ones too, personal data hides there — as tab-separated
 * rows under the sheet's name. Rows keep a column header above its values the way a CSV export does, which is how
 * the classifier reads tables (a `naam` column, a column of BSNs); cell notes follow the sheet.
 */
export const xlsxExtractor: Extractor = {
  id: 'xlsx',
  kinds: ['xlsx'],
  async extract(bytes, context) {
    const zip = openZip(bytes, context, { keep: true });
    verifyMembers(zip);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    } catch {
      throw new ExtractionError('corrupt: the Excel workbook cannot be read');
    }
    const sheets: string[] = [];
    workbook.eachSheet((sheet) => {
      const lines = [`Blad: ${sheet.name}`];
      const notes: string[] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellText(cell.value).replace(/\s*\n\s*/g, ' ');
          const note = noteText(cell.note);
          if (note) notes.push(`Opmerking bij ${cell.address}: ${note}`);
        });
        lines.push(Array.from(cells, (c) => c ?? '').join('\t'));
      });
      sheets.push([...lines, ...notes].join('\n'));
    });
    const text = tidy(sheets.join('\n\n'));
    const parts = await embeddedFileParts(zip, context, /^xl\/media\//i, /^xl\/embeddings\//i);
    return { text, parts, warnings: emptyWarning(text, parts) };
  },
};
