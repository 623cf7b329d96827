import { instantiateWasm } from '../../wasm-instance.ts';

/**
 * The WebAssembly text scanner (scan.as.ts, compiled to scan.wasm by `npm run build:wasm`): one pass over the
 * text that finds the words that are one-word vocabulary entries (looked up and confirmed natively), the words that
 * may start a phrase, and the digit runs. JavaScript then builds the hits and matches the phrases. Texts are scanned
 * in chunks of at most CHUNK code units, cut at whitespace that no word or digit run spans.
 */
export interface ScanResult {
  /**
   * Per resolved word: start, end, phrase, n, then n entry ids (native-tables.ts), in text order. The phrase is the
   * word's phrase group when its filters passed, -2 - the group when they are still to be tested, -1 when none.
   */
  records: Int32Array;
  /** start/end pairs of digit runs */
  digitRuns: Int32Array;
}

const SCAN_WASM = new URL('./scan.wasm', import.meta.url);

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(textPtr: number, length: number, tables: number, recordsPtr: number, recordsCap: number, digitsPtr: number, digitsCap: number, wantWords: number, minPrefix: number, startLength: number, capsPtr?: number, headPtr?: number, headChars?: number): number;
}

const FILTER_BYTES = 1 << 15;
const LENGTHS = FILTER_BYTES;
const STARTS = LENGTHS + 128;
/**
 * After the prefix-start bits: the scanner's stack of one word's prefix entries, the counts of its last scan (digit
 * runs, name capitals, trigger facts: three i32s, read from memory rather than by a call each; scan.as.ts), the text.
 */
const COUNTS = STARTS + 4096 + 384;
const DIGIT_COUNT = COUNTS >> 2;
const CAPITAL_COUNT = DIGIT_COUNT + 1;
const TRIGGER_FACTS = DIGIT_COUNT + 2;
const HEAD_COUNT = DIGIT_COUNT + 3;
const TEXT = STARTS + 4096 + 512;
const CHUNK = 1 << 20;
const CAPACITY = CHUNK / 2 + 1; // at most one digit run per two code units
/** A record is 4 + n i32s for a word of n entries (n ≤ its length + 1): at most 3 per code unit, 6 for a last word of one letter. */
const RECORDS_CAPACITY = CHUNK * 3 + 8;

interface Loaded {
  wasm: Exports;
  bytes: Uint8Array;
  buffer: Buffer;
  ints: Int32Array;
}

let loaded: Loaded | undefined;
let loadedFilter: Uint8Array | undefined;
let loadedTables: ScanTables | undefined;

/** Instantiates the module once; memory grows to `needed` bytes (growing replaces the buffer: the views are remade). */
function load(needed: number): Loaded {
  if (!loaded) {
    const wasm = instantiateWasm<Exports>(SCAN_WASM);
    loaded = { wasm, bytes: new Uint8Array(0), buffer: Buffer.alloc(0), ints: new Int32Array(0) };
  }
  // The usual case, without reading the memory's buffer (an API call): growing detaches the old buffer, so views of
  // a current one still have their length.
  if (needed <= loaded.bytes.length) return loaded;
  const { wasm } = loaded;
  const pages = Math.ceil((needed - wasm.memory.buffer.byteLength) / 65536);
  if (pages > 0) wasm.memory.grow(pages);
  if (loaded.bytes.buffer !== wasm.memory.buffer) {
    const buffer = wasm.memory.buffer;
    Object.assign(loaded, { bytes: new Uint8Array(buffer), buffer: Buffer.from(buffer), ints: new Int32Array(buffer) });
  }
  return loaded;
}

/** Where to cut a long text: at whitespace with no digit on both sides (no word or digit run crosses it). */
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit - 1; i > from + CHUNK / 2; i--) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 32 || c === 9 || c === 13) && !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) return i;
  }
  return limit; // no whitespace in half a megabyte: cut anyway
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The text, then a 0 code unit that ends every word and digit run (scan.as.ts reads no length per character). */
const RECORDS = TEXT + CHUNK * 2 + 16;
const DIGITS = RECORDS + RECORDS_CAPACITY * 4;
/** Name capitals (scan.as.ts: capitalsIn): start/end pairs, at most one per code unit. */
const CAPS = DIGITS + CAPACITY * 8;
/** The longest head whose words a scan lists (ScanOutput.headWords): more is asked of no caller. */
export const MAX_HEAD_CHARS = 1 << 15;
/** The head words (scan.as.ts: headPtr): start, end, hash per word of two letters or more. */
const HEAD = CAPS + CHUNK * 8;
const TABLES = HEAD + (MAX_HEAD_CHARS / 3 + 2) * 12;

/** What the scanner needs of a vocabulary: its Bloom filter, the prefix lengths and starts, its entry tables. */
export interface ScanTables {
  filter: Uint8Array;
  prefixLengthFlags: Uint8Array;
  /** 4096 bytes: bits over the hashes of the prefix entries' first `prefixStartLength` letters (scan.as.ts). */
  prefixStarts: Uint8Array;
  prefixStartLength: number;
  shortestPrefix: number;
  /** The entry tables (native-tables.ts). */
  nativeTables: { block: Uint8Array };
}

/**
 * Output of a scan, as ranges of i32s: `records` [recordsFrom, recordsTo) (as ScanResult.records), `runs`
 * [runsFrom, runsTo) (start/end pairs of digit runs).
 */
export interface ScanOutput {
  records: Int32Array;
  recordsFrom: number;
  recordsTo: number;
  runs: Int32Array;
  runsFrom: number;
  runsTo: number;
  /**
   * The name capitals (../name-capitals.ts), start/end pairs in [capitalsFrom, capitalsTo); only for a text of one
   * chunk (the pattern looks back across a chunk's start): absent for longer texts.
   */
  capitals?: Int32Array;
  capitalsFrom?: number;
  capitalsTo?: number;
  /** The trigger facts (../triggers.ts), as capitals: only for a text of one chunk. */
  triggers?: number;
  /**
   * When the scan was asked for a head (scanShared: headChars) and the text is one chunk: the words of two letters
   * or more (letters as the scanner sees them) that start in the head, as start, end, hash (word-hash.ts: hashWord)
   * in [headFrom, headTo). A word may run past the head.
   */
  headWords?: Int32Array;
  headFrom?: number;
  headTo?: number;
  headChars?: number;
  /** Which scan of the module this output is (see scanGeneration): a view is valid while it is the last one. */
  generation?: number;
}

/** A scan's head words (ScanOutput.headWords): start, end, hash per word in [headFrom, headTo). */
export interface HeadWords {
  headWords: Int32Array;
  headFrom: number;
  headTo: number;
  /** The head: the words listed are those that start before this many characters. */
  headChars: number;
}

/** Counts the scans of one chunk by the module-level scanner: an output views its memory until the next one. */
let generation = 0;

/** The generation of the last scan (ScanOutput.generation): its output views are still valid. */
export function scanGeneration(): number {
  return generation;
}

/** Reused by every scan of one chunk: the output views the scanner's memory (no copy, no allocation per text). */
const shared: ScanOutput = { records: new Int32Array(0), recordsFrom: 0, recordsTo: 0, runs: new Int32Array(0), runsFrom: 0, runsTo: 0, capitals: new Int32Array(0), capitalsFrom: 0, capitalsTo: 0, triggers: 0, headWords: undefined, headFrom: 0, headTo: 0, headChars: 0, generation: 0 };

/**
 * Scans a text. The output views the scanner's memory: it is valid only until the next scan, so read it before
 * scanning again (texts longer than a chunk get arrays of their own).
 */
export function scanShared(text: string, tables: ScanTables, wantWords = true, headChars = 0): Readonly<ScanOutput> {
  const { wasm, bytes, buffer, ints } = load(TABLES + tables.nativeTables.block.byteLength);
  if (loadedFilter !== tables.filter) {
    bytes.set(tables.filter, 0);
    bytes.fill(0, LENGTHS, LENGTHS + 65);
    bytes.set(tables.prefixLengthFlags.subarray(0, 65), LENGTHS);
    bytes.set(tables.prefixStarts.subarray(0, 4096), STARTS);
    bytes.set(tables.nativeTables.block, TABLES);
    loadedFilter = tables.filter;
    loadedTables = tables;
  }
  if (text.length <= CHUNK) return scanChunk(wasm, bytes, buffer, ints, text, wantWords, Math.min(headChars, MAX_HEAD_CHARS));
  const records: number[] = [];
  const digits: number[] = [];
  for (let from = 0; from < text.length; ) {
    const end = chunkEnd(text, from);
    const part = scanChunk(wasm, bytes, buffer, ints, text.slice(from, end), wantWords, 0);
    for (let k = part.recordsFrom; k < part.recordsTo; ) {
      const n = ints[k + 3]!;
      records.push(ints[k]! + from, ints[k + 1]! + from);
      for (let j = k + 2; j < k + 4 + n; j++) records.push(ints[j]!);
      k += 4 + n;
    }
    for (let k = part.runsFrom; k < part.runsTo; k++) digits.push(ints[k]! + from);
    from = end;
  }
  const all = Int32Array.from(records);
  const runs = Int32Array.from(digits);
  return { records: all, recordsFrom: 0, recordsTo: all.length, runs, runsFrom: 0, runsTo: runs.length };
}

/** As scanShared, with arrays of its own (for callers that keep the result). */
export function scanText(text: string, tables: ScanTables, wantWords = true): ScanResult {
  const out = scanShared(text, tables, wantWords);
  return { records: out.records.slice(out.recordsFrom, out.recordsTo), digitRuns: out.runs.slice(out.runsFrom, out.runsTo) };
}

function scanChunk(wasm: Exports, bytes: Uint8Array, buffer: Buffer, ints: Int32Array, chunk: string, wantWords: boolean, headChars: number): ScanOutput {
  // UTF-16 code units into wasm memory (a native copy): offsets stay those of the JavaScript string.
  buffer.write(chunk, TEXT, chunk.length * 2, 'utf16le');
  bytes[TEXT + chunk.length * 2] = bytes[TEXT + chunk.length * 2 + 1] = 0; // the sentinel
  const length = wasm.scan(TEXT, chunk.length, TABLES, RECORDS, RECORDS_CAPACITY, DIGITS, CAPACITY, wantWords ? 1 : 0, loadedTables!.shortestPrefix, loadedTables!.prefixStartLength, CAPS, HEAD, headChars);
  generation++;
  if (length > RECORDS_CAPACITY) throw new Error('scan.wasm: more records than its output holds');
  shared.records = shared.runs = ints;
  shared.recordsFrom = RECORDS >> 2;
  shared.recordsTo = (RECORDS >> 2) + length;
  shared.runsFrom = DIGITS >> 2;
  shared.runsTo = (DIGITS >> 2) + ints[DIGIT_COUNT]! * 2;
  shared.capitals = ints;
  shared.capitalsFrom = CAPS >> 2;
  shared.capitalsTo = (CAPS >> 2) + ints[CAPITAL_COUNT]! * 2;
  shared.triggers = ints[TRIGGER_FACTS]!;
  shared.headWords = headChars > 0 ? ints : undefined;
  shared.headFrom = HEAD >> 2;
  shared.headTo = (HEAD >> 2) + ints[HEAD_COUNT]! * 3;
  shared.headChars = headChars;
  shared.generation = generation;
  return shared;
}

/**
 * A scanner of its own: a separate WebAssembly instance and memory, with one vocabulary's tables loaded for good.
 * For a second vocabulary scanned often in small pieces (the special categories' local cues, subject-rules.ts):
 * the module-level scanner keeps the shared vocabulary's tables, so neither reloads the other's on every scan.
 * It scans texts of at most `capacity` code units in one piece (no chunks): longer ones are the caller's to cut
 * or to scan in JavaScript. The output views the instance's memory: read it before its next scan.
 */
export interface OwnScanner {
  readonly capacity: number;
  scan(text: string): Readonly<ScanOutput>;
}

export function createScanner(tables: ScanTables, capacity = 1 << 12): OwnScanner {
  const records = TEXT + capacity * 2 + 16; // the text, its 0 sentinel, padding (TEXT and this stay 4-aligned)
  const recordsCapacity = capacity * 3 + 8; // as RECORDS_CAPACITY
  const digits = records + recordsCapacity * 4;
  const digitsCapacity = (capacity >> 1) + 1;
  const at = digits + digitsCapacity * 8;
  const wasm = instantiateWasm<Exports>(SCAN_WASM);
  const pages = Math.ceil((at + tables.nativeTables.block.byteLength - wasm.memory.buffer.byteLength) / 65536);
  if (pages > 0) wasm.memory.grow(pages);
  // The memory never grows after this: the views stay valid.
  const bytes = new Uint8Array(wasm.memory.buffer);
  const buffer = Buffer.from(wasm.memory.buffer);
  const ints = new Int32Array(wasm.memory.buffer);
  bytes.set(tables.filter, 0);
  bytes.set(tables.prefixLengthFlags.subarray(0, 65), LENGTHS);
  bytes.set(tables.prefixStarts.subarray(0, 4096), STARTS);
  bytes.set(tables.nativeTables.block, at);
  const out: ScanOutput = { records: ints, recordsFrom: records >> 2, recordsTo: 0, runs: ints, runsFrom: digits >> 2, runsTo: 0 };
  return {
    capacity,
    scan(text: string): Readonly<ScanOutput> {
      if (text.length > capacity) throw new Error('scanner: text longer than its capacity');
      buffer.write(text, TEXT, text.length * 2, 'utf16le');
      bytes[TEXT + text.length * 2] = bytes[TEXT + text.length * 2 + 1] = 0; // the sentinel
      // capsPtr 0: no name capitals (this instance's memory has no room for them, and its callers need none).
      const length = wasm.scan(TEXT, text.length, at, records, recordsCapacity, digits, digitsCapacity, 1, tables.shortestPrefix, tables.prefixStartLength, 0);
      if (length > recordsCapacity) throw new Error('scan.wasm: more records than its output holds');
      out.recordsTo = (records >> 2) + length;
      out.runsTo = (digits >> 2) + ints[DIGIT_COUNT]! * 2;
      return out;
    },
  };
}
