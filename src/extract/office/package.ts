import { embeddedParts } from '../embedded.ts';
import { sniff, type FileKind } from '../sniff.ts';
import { ExtractionError, type ExtractContext, type ExtractedPart } from '../types.ts';
import { attribute } from '../xml-text.ts';
import type { ZipArchive } from '../zip/zip-archive.ts';

/** Helpers shared by the OOXML and ODF extractors: finding parts, and the files embedded in a package. */

/** Part name (without leading slash) → content type, from `[Content_Types].xml`'s overrides. */
export function contentTypes(zip: ZipArchive): Map<string, string> {
  const types = new Map<string, string>();
  const xml = zip.text('[Content_Types].xml') ?? '';
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const part = attribute(tag, 'PartName');
    const type = attribute(tag, 'ContentType');
    if (part && type) types.set(part.replace(/^\//, ''), type);
  }
  return types;
}

/** `header2.xml` before `header10.xml`. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The parts whose content type ends in `suffix` (e.g. `header+xml`), else those whose name matches `fallback`
 * — for packages written without overrides — in natural order.
 */
export function partsOfType(zip: ZipArchive, types: Map<string, string>, suffix: string, fallback: RegExp): string[] {
  const typed = [...types].filter(([name, type]) => type.endsWith(suffix) && zip.find(name)).map(([name]) => name);
  const names = typed.length > 0 ? typed : zip.entries.map((e) => e.name).filter((n) => fallback.test(n));
  return names.sort(naturalOrder);
}

/**
 * Reads every member once, so that a library that inflates the package itself (mammoth, exceljs: jszip inside)
 * only ever sees members already proven to stay within their declared sizes and the document's budget.
 */
export function verifyMembers(zip: ZipArchive): void {
  for (const entry of zip.entries) {
    if (entry.directory) continue;
    const data = zip.read(entry);
    // Office XML may not declare a DTD (ECMA-376 Part 2); one that does is an entity-expansion attack, not a document.
    if (/\.(?:xml|rels|vml)$/i.test(entry.name) && /<!DOCTYPE/i.test(new TextDecoder('latin1').decode(data.subarray(0, 4096)))) {
      throw new ExtractionError(`corrupt: ${entry.name} declares a DTD, which Office files may not`);
    }
  }
}

const RASTER: ReadonlySet<FileKind> = new Set(['png', 'jpeg', 'gif', 'tiff', 'bmp', 'webp']);

/**
 * Pictures (a pasted ID scan) and embedded files (a spreadsheet inside a letter) as parts with their member path.
 * Vector drawings (EMF, WMF, SVG) are left out: they hold no scanned text and are mostly logos and charts.
 */
export async function embeddedFileParts(
  zip: ZipArchive,
  context: ExtractContext,
  media: RegExp,
  embeddings: RegExp,
): Promise<ExtractedPart[]> {
  const parts: ExtractedPart[] = [];
  for (const entry of zip.entries) {
    if (entry.directory) continue;
    const isMedia = media.test(entry.name);
    if (!isMedia && !embeddings.test(entry.name)) continue;
    let bytes: Uint8Array;
    try {
      bytes = zip.read(entry);
    } catch (error) {
      parts.push({ path: entry.name, kind: 'binary', text: '', error: (error as { reason?: string }).reason ?? 'corrupt: unreadable member' });
      continue;
    }
    if (isMedia && !RASTER.has(sniff(bytes, entry.name))) continue;
    parts.push(...(await embeddedParts(context, bytes, entry.name.split('/').pop()!, entry.name)));
  }
  return parts;
}
