import { readOle } from '../ole.ts';
import { ExtractionError, type Extractor } from '../types.ts';
import { EncryptedWorkbook, readWorkbook } from '../xls/biff.ts';

/**
 * Legacy Excel (.xls, BIFF8, Excel 97–2003), read by the project's own small BIFF reader (src/extract/xls/): no
 * maintained npm library reads it (the `xlsx` package on npm is frozen with known advisories). Like XLSX: each
 * sheet as `Blad: NAAM` and tab-separated rows, so a column header stays above its values.
 */
export const xlsExtractor: Extractor = {
  id: 'xls',
  kinds: ['xls'],
  async extract(bytes, context) {
    let stream: Uint8Array;
    try {
      const ole = readOle(bytes);
      const entry = ole.entries.find((e) => e.type === 2 && e.name === 'Workbook');
      if (!entry) {
        if (ole.entries.some((e) => e.name === 'Book')) throw new ExtractionError('unsupported format: xls (Excel 5/95, older than BIFF8)');
        throw new ExtractionError('corrupt: no workbook stream');
      }
      if (entry.size > context.limits.maxBytes) throw new ExtractionError(`too large: workbook of ${entry.size} bytes`);
      stream = ole.readStream(entry, entry.size);
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      throw new ExtractionError('corrupt: unreadable compound file');
    }
    let sheets;
    try {
      sheets = readWorkbook(stream);
    } catch (error) {
      if (error instanceof EncryptedWorkbook) throw new ExtractionError('encrypted');
      throw new ExtractionError('corrupt: the Excel 97–2003 workbook cannot be read');
    }
    const text = sheets
      .map((sheet) => {
        const lines = [`Blad: ${sheet.name}`];
        for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
          const cells = sheet.cells.get(row)!;
          const width = Math.max(...cells.keys()) + 1;
          lines.push(Array.from({ length: width }, (_, c) => cells.get(c) ?? '').join('\t'));
        }
        return lines.join('\n');
      })
      .join('\n\n');
    return { text, parts: [], warnings: text.trim() ? [] : ['empty: the workbook holds no text'] };
  },
};
