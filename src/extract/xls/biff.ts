import { readSharedStrings } from './sst.ts';

/**
 * Cell text of a BIFF8 workbook stream (Excel 97–2003 .xls): sheet names, shared strings, labels, numbers and the
 * cached results of formulas — what a reader sees, not formatting; except dates: a number whose cell format (XF →
 * FORMAT) is a date is written dd-mm-jjjj, as the XLSX extractor does, so a birth date reads as one.
 */
export interface Sheet {
  name: string;
  cells: Map<number, Map<number, string>>;
}

export class EncryptedWorkbook extends Error {}

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MAX_STRINGS = 1_000_000;
const XF = 0x00e0;
const FORMAT = 0x041e;
const DATEMODE = 0x0022;
/** Built-in number formats that are dates or date-times (BIFF8 ifmt 14–22, 45–47). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format string shows a date when it has d, m or y outside quotes and [brackets] (colours, locales). */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || /m/i.test(bare.replace(/h+:m+|m+:s+/gi, ''));
}

function excelDate(serial: number, date1904: boolean): string {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(base + Math.floor(serial) * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

function rk(value: number): number {
  const scaled = (value & 0x01) !== 0;
  let n: number;
  if (value & 0x02) n = value >> 2;
  else {
    const buffer = new DataView(new ArrayBuffer(8));
    buffer.setUint32(4, value & 0xfffffffc, true);
    n = buffer.getFloat64(0, true);
  }
  return scaled ? n / 100 : n;
}

function unicodeString(data: Uint8Array, at: number, lengthBytes: 1 | 2): string {
  const count = lengthBytes === 1 ? data[at]! : data[at]! | (data[at + 1]! << 8);
  const wide = (data[at + lengthBytes]! & 0x01) !== 0;
  let text = '';
  for (let i = 0, p = at + lengthBytes + 1; i < count && p < data.length; i++, p += wide ? 2 : 1) {
    text += String.fromCharCode(wide ? data[p]! | (data[p + 1]! << 8) : data[p]!);
  }
  return text;
}

const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

export function readWorkbook(stream: Uint8Array): Sheet[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const sheets: Sheet[] = [];
  const names: string[] = [];
  let strings: string[] = [];
  let sst: Uint8Array[] | undefined;
  let substream = -1; // -1: workbook globals; then the index of the worksheet
  let current: Sheet | undefined;
  let pendingFormula: { row: number; col: number } | undefined;
  const xfFormats: number[] = [];
  const dateFormats = new Set(BUILT_IN_DATES);
  let date1904 = false;
  /** A number as the reader sees it: a date where its cell's format is one. */
  const shown = (value: number, xf: number) =>
    dateFormats.has(xfFormats[xf] ?? -1) && value > 0 && value < 2_958_466 ? excelDate(value, date1904) : number(value);
  const put = (row: number, col: number, value: string) => {
    if (!current || value === '') return;
    let cells = current.cells.get(row);
    if (!cells) current.cells.set(row, (cells = new Map()));
    cells.set(col, value);
  };
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    const data = stream.subarray(at + 4, at + 4 + size);
    at += 4 + size;
    if (type !== CONTINUE && sst) {
      strings = readSharedStrings(sst, MAX_STRINGS);
      sst = undefined;
    }
    switch (type) {
      case FILEPASS:
        throw new EncryptedWorkbook();
      case BOF:
        if (substream >= -1 && data.length >= 4 && (data[2]! | (data[3]! << 8)) === 0x0010) {
          substream++;
          current = { name: names[substream] ?? `Blad${substream + 1}`, cells: new Map() };
          sheets.push(current);
        } else if (substream === -1) current = undefined;
        break;
      case EOF:
        current = undefined;
        break;
      case XF:
        xfFormats.push(data[2]! | (data[3]! << 8));
        break;
      case FORMAT:
        if (isDateFormat(unicodeString(data, 2, 2))) dateFormats.add(data[0]! | (data[1]! << 8));
        else dateFormats.delete(data[0]! | (data[1]! << 8));
        break;
      case DATEMODE:
        date1904 = (data[0] ?? 0) === 1;
        break;
      case BOUNDSHEET:
        names.push(unicodeString(data, 6, 1));
        break;
      case SST:
        sst = [data];
        break;
      case CONTINUE:
        sst?.push(data);
        break;
      case LABELSST:
        put(view.getUint16(at - size, true), view.getUint16(at - size + 2, true), strings[new DataView(data.buffer, data.byteOffset + 6, 4).getUint32(0, true)] ?? '');
        break;
      case LABEL:
        put(data[0]! | (data[1]! << 8), data[2]! | (data[3]! << 8), unicodeString(data, 6, 2));
        break;
      case NUMBER:
        put(data[0]! | (data[1]! << 8), data[2]! | (data[3]! << 8), shown(new DataView(data.buffer, data.byteOffset + 6, 8).getFloat64(0, true), data[4]! | (data[5]! << 8)));
        break;
      case RK:
        put(data[0]! | (data[1]! << 8), data[2]! | (data[3]! << 8), shown(rk(new DataView(data.buffer, data.byteOffset + 6, 4).getInt32(0, true)), data[4]! | (data[5]! << 8)));
        break;
      case MULRK: {
        const row = data[0]! | (data[1]! << 8);
        const first = data[2]! | (data[3]! << 8);
        for (let k = 0, p = 4; p + 6 <= data.length - 2; k++, p += 6) {
          put(row, first + k, shown(rk(new DataView(data.buffer, data.byteOffset + p + 2, 4).getInt32(0, true)), data[p]! | (data[p + 1]! << 8)));
        }
        break;
      }
      case FORMULA: {
        const row = data[0]! | (data[1]! << 8);
        const col = data[2]! | (data[3]! << 8);
        // A cached string result is marked by 0xFFFF in the last two bytes of the value and follows in a STRING.
        if (data[12] === 0xff && data[13] === 0xff) {
          if (data[6] === 0x00) pendingFormula = { row, col };
        } else put(row, col, shown(new DataView(data.buffer, data.byteOffset + 6, 8).getFloat64(0, true), data[4]! | (data[5]! << 8)));
        break;
      }
      case STRING:
        if (pendingFormula) put(pendingFormula.row, pendingFormula.col, unicodeString(data, 0, 2));
        pendingFormula = undefined;
        break;
    }
  }
  return sheets;
}
