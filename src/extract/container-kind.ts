import { readOle } from './ole.ts';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip/zip-directory.ts';

/**
 * Which format a zip or OLE container holds, from what is inside it — never from the name: an Office package is
 * told by its `[Content_Types].xml` (or ODF `mimetype`), an OLE file by its stream names. Anything unreadable is
 * the plain container kind; its extractor reports what is wrong.
 */
export type ZipKind = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'zip';
export type OleKind = 'doc' | 'xls' | 'ppt' | 'msg' | 'ole';

const ODF: Record<string, ZipKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
};

/** Main-part content types, transitional and strict alike; macro-enabled and template variants included. */
const OOXML: [RegExp, ZipKind][] = [
  [/(?:wordprocessingml\.\w+|ms-word\.[\w.]+)\.main\+xml/, 'docx'],
  [/(?:spreadsheetml\.\w+|ms-excel\.[\w.]+)\.main\+xml/, 'xlsx'],
  [/(?:presentationml\.\w+|ms-powerpoint\.[\w.]+)\.main\+xml/, 'pptx'],
];

/** Part names of the main parts, for packages whose content types are missing or odd. */
const MAIN_PARTS: [string, ZipKind][] = [
  ['word/document.xml', 'docx'],
  ['xl/workbook.xml', 'xlsx'],
  ['ppt/presentation.xml', 'pptx'],
];

function small(bytes: Uint8Array, entry: ZipEntry | undefined, max: number): string | undefined {
  if (!entry || entry.encrypted || entry.uncompressedSize > max) return undefined;
  try {
    return new TextDecoder('utf-8').decode(readZipEntry(bytes, entry));
  } catch {
    return undefined;
  }
}

export function zipKind(bytes: Uint8Array): ZipKind {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch {
    return 'zip';
  }
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const mimetype = small(bytes, byName.get('mimetype'), 256)?.trim();
  if (mimetype && ODF[mimetype]) return ODF[mimetype];
  const types = small(bytes, byName.get('[content_types].xml'), 1024 * 1024);
  if (types) {
    for (const [pattern, kind] of OOXML) if (pattern.test(types)) return kind;
  }
  for (const [part, kind] of MAIN_PARTS) if (byName.has(part)) return kind;
  return 'zip';
}

export function oleKind(bytes: Uint8Array): OleKind {
  let names: string[];
  try {
    names = readOle(bytes).rootNames;
  } catch {
    return 'ole';
  }
  const has = (name: string) => names.includes(name);
  if (has('__properties_version1.0') || names.some((n) => n.startsWith('__substg1.0_'))) return 'msg';
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  return 'ole';
}
