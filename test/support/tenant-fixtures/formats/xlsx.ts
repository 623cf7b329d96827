import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type Doc, ZIP_DATE } from './doc.ts';

/**
 * An Excel workbook: the title and lines above the table, as people lay out lists. exceljs stamps its own zip
 * dates, so the workbook is repacked with the fixed date to keep rebuilds byte-identical.
 */
export async function toXlsx(doc: Doc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Woonstede Fictief';
  wb.created = ZIP_DATE;
  wb.modified = ZIP_DATE;
  const sheet = wb.addWorksheet(doc.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([doc.title]).font = { bold: true };
  for (const line of doc.lines) sheet.addRow([line]);
  if (doc.table) {
    sheet.addRow([]);
    sheet.addRow(doc.table.header).font = { bold: true };
    for (const row of doc.table.rows) sheet.addRow(row);
  }
  const raw = await wb.xlsx.writeBuffer();
  const source = await JSZip.loadAsync(raw as ArrayBuffer);
  const out = new JSZip();
  for (const [name, file] of Object.entries(source.files)) {
    if (!file.dir) out.file(name, await file.async('uint8array'), { date: ZIP_DATE, createFolders: false });
  }
  return new Uint8Array(await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
