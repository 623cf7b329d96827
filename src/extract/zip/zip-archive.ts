import { decodeText } from '../decode.ts';
import { createBudget, DEFAULT_CONTAINER_LIMITS, ExtractionError, type ExtractContext } from '../types.ts';
import { XmlFormatError, xmlToText, type XmlTextRules } from '../xml-text.ts';
import { readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry } from './zip-directory.ts';

/**
 * A zip (plain archive, OOXML or ODF package) opened under the document's limits. The declared sizes are checked
 * before anything is inflated: a bomb is refused whole, with a reason a records manager can act on.
 */
export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** The entry by exact name, else case-insensitively (OPC part names are case-insensitive). */
  find(name: string): ZipEntry | undefined;
  /** The member's bytes; charged to the document's budget. */
  read(entry: ZipEntry): Uint8Array;
  /** The member as text (BOM-aware), or undefined when the archive has no such member. */
  text(name: string): string | undefined;
  /** The member's XML as text by the rules, or undefined when absent; malformed XML is `corrupt: …`. */
  xmlText(name: string, rules: XmlTextRules): string | undefined;
}

/** Small archives may expand far (a 2 KB zip of a 300 KB text file); the ratio only counts above this size. */
const RATIO_GRACE_BYTES = 8 * 1024 * 1024;

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** `keep`: hold members once read (Office packages, whose parts are read twice); a plain archive streams them. */
export function openZip(bytes: Uint8Array, context: Pick<ExtractContext, 'limits' | 'budget'>, options: { keep?: boolean } = {}): ZipArchive {
  const budget = context.budget ?? createBudget(context.limits);
  const ratio = context.limits.maxExpansionRatio ?? DEFAULT_CONTAINER_LIMITS.maxExpansionRatio;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ExtractionError(`corrupt: ${error.message}`);
    throw new ExtractionError('corrupt: unreadable zip directory');
  }
  const files = entries.filter((e) => !e.directory);
  if (files.length > budget.members) {
    throw new ExtractionError(`too large: more than ${context.limits.maxMembers ?? DEFAULT_CONTAINER_LIMITS.maxMembers} archive members`);
  }
  budget.members -= files.length;
  const declared = files.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > Math.max(RATIO_GRACE_BYTES, ratio * bytes.length)) {
    throw new ExtractionError(`too large: archive expands more than ${ratio}× (${megabytes(declared)} from ${bytes.length} bytes)`);
  }
  if (declared > budget.unpackedBytes) {
    throw new ExtractionError(`too large: archive unpacks to ${megabytes(declared)}, more than the ${megabytes(budget.unpackedBytes)} left`);
  }

  const exact = new Map(entries.map((e) => [e.name, e]));
  const folded = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const find = (name: string) => exact.get(name) ?? folded.get(name.toLowerCase());
  // Members read once stay here: Office extractors read some parts twice (a check, then the library's own read).
  const cache = new Map<ZipEntry, Uint8Array>();
  const read = (entry: ZipEntry): Uint8Array => {
    const cached = cache.get(entry);
    if (cached) return cached;
    if (entry.encrypted) throw new ExtractionError('encrypted');
    if (entry.uncompressedSize > budget.unpackedBytes) throw new ExtractionError('too large: archive unpacks past its limit');
    try {
      const data = readZipEntry(bytes, entry);
      budget.unpackedBytes -= data.length;
      if (options.keep) cache.set(entry, data);
      return data;
    } catch (error) {
      if (error instanceof ZipFormatError) throw new ExtractionError(`corrupt: ${error.message}`);
      throw error;
    }
  };
  const text = (name: string) => {
    const entry = find(name);
    return entry ? decodeText(read(entry)).text : undefined;
  };
  return {
    entries,
    find,
    read,
    text,
    xmlText(name, rules) {
      const xml = text(name);
      if (xml === undefined) return undefined;
      try {
        return xmlToText(xml, rules);
      } catch (error) {
        if (error instanceof XmlFormatError) throw new ExtractionError(`corrupt: ${name}: ${error.message}`);
        throw error;
      }
    },
  };
}
