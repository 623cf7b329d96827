import { oleKind, zipKind, type OleKind, type ZipKind } from './container-kind.ts';

/**
 * What a file is, from its first bytes; the name only breaks ties between text formats. An extension never
 * overrules the content: a PDF renamed to .txt is still a PDF.
 */
export type FileKind =
  | 'pdf' | 'zip' | 'ole' | 'rtf' | 'png' | 'jpeg' | 'gif' | 'tiff' | 'bmp' | 'webp' | 'gzip' | 'binary'
  | 'html' | 'eml' | 'csv' | 'markdown' | 'text' | 'empty'
  | ZipKind | OleKind;

const MAGIC: [number[], FileKind][] = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf'], // %PDF
  [[0x50, 0x4b, 0x03, 0x04], 'zip'], // PK.. (also docx, xlsx, pptx, odt)
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'ole'], // .doc .xls .msg
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'rtf'], // {\rtf
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x49, 0x49, 0x2a, 0x00], 'tiff'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'tiff'],
  [[0x1f, 0x8b], 'gzip'],
];

const MAIL_HEADER = /^(?:(?:Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|Delivered-To|X-[\w-]+|Content-Type|Reply-To|Cc):[^\n]*\r?\n)+/i;

export function sniff(bytes: Uint8Array, name = ''): FileKind {
  if (bytes.length === 0) return 'empty';
  for (const [magic, kind] of MAGIC) {
    // Office files are zip or OLE containers: what they hold is told from inside (container-kind.ts).
    if (magic.every((b, i) => bytes[i] === b)) return kind === 'zip' ? zipKind(bytes) : kind === 'ole' ? oleKind(bytes) : kind;
  }
  if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'webp';
  if (isBmp(bytes)) return 'bmp';
  if (looksBinary(bytes)) return 'binary';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\ufeff/, '').replace(/\0/g, '');
  const lowerName = name.toLowerCase();
  if (/^\s*(?:<!doctype html|<html|<head|<body)/i.test(head) || /\.x?html?$/.test(lowerName)) return 'html';
  if (MAIL_HEADER.test(head) || lowerName.endsWith('.eml')) return 'eml';
  if (lowerName.endsWith('.csv') || lowerName.endsWith('.tsv')) return 'csv';
  if (/\.(?:md|markdown)$/.test(lowerName)) return 'markdown';
  return 'text';
}

/** Binary when NUL bytes appear in a pattern that is not UTF-16 text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) (i % 2 === 0 ? nulEven++ : nulOdd++);
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  const nul = nulEven + nulOdd;
  if (nul === 0) return control > n / 50;
  // UTF-16 without BOM: NULs in (nearly) every other byte, on one side only.
  const half = n / 2;
  return !((nulOdd > half * 0.7 && nulEven === 0) || (nulEven > half * 0.7 && nulOdd === 0));
}

/** `BM` alone starts too much text ("BMI-meting"): a bitmap also has zero reserved bytes and a known header size. */
function isBmp(bytes: Uint8Array): boolean {
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return false;
  const reserved = bytes[6]! | bytes[7]! | bytes[8]! | bytes[9]!;
  const dib = bytes[14]! | (bytes[15]! << 8);
  return reserved === 0 && [12, 40, 52, 56, 64, 108, 124].includes(dib) && bytes[16] === 0 && bytes[17] === 0;
}
