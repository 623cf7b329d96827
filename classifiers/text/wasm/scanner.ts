import { readFileSync } from 'node:fs';

/**
 * The WebAssembly text scanner (scan.as.ts, compiled to scan.wasm by `npm run build:wasm`): one pass over the
 * text that finds the words that are one-word vocabulary entries (looked up and confirmed natively), the words that
 * may start a phrase, and the digit runs. JavaScript then builds the hits and matches the phrases. Texts are scanned
 * in chunks of at most CHUNK code units, cut at whitespace that no word or digit run spans.
 */
export interface ScanResult {
  /** Per resolved word: start, end, phrase group (or -1), n, then n entry ids (native-tables.ts), in text order. */
  records: Int32Array;
  /** start/end pairs of digit runs */
  digitRuns: Int32Array;
}

/** The part of the WebAssembly API used here (this project's type libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(textPtr: number, length: number, tables: number, recordsPtr: number, recordsCap: number, digitsPtr: number, digitsCap: number, wantWords: number, wantDigits: number): number;
  records(): number;
  digitRuns(): number;
}

const FILTER_BYTES = 1 << 15;
const LENGTHS = FILTER_BYTES;
const TRIGRAMS = LENGTHS + 128;
/** After the trigram table: the scanner's stack of one word's prefix entries (scan.as.ts), then the text. */
const TEXT = TRIGRAMS + 4096 + 512;
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

/** Instantiates the module once; memory grows to `needed` bytes (growing replaces the buffer: the views are remade). */
function load(needed: number): Loaded {
  if (!loaded) {
    const module = new Module(readFileSync(new URL('./scan.wasm', import.meta.url)));
    const abort = () => {
      throw new Error('scan.wasm aborted');
    };
    const wasm = new Instance(module, { env: { abort } }).exports as Exports;
    loaded = { wasm, bytes: new Uint8Array(0), buffer: Buffer.alloc(0), ints: new Int32Array(0) };
  }
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

const RECORDS = TEXT + CHUNK * 2;
const DIGITS = RECORDS + RECORDS_CAPACITY * 4;
const TABLES = DIGITS + CAPACITY * 8;

/** What the scanner needs of a vocabulary: its Bloom filter, the prefix lengths and trigrams, its entry tables. */
export interface ScanTables {
  filter: Uint8Array;
  prefixLengthFlags: Uint8Array;
  /** 4096 bytes of trigram bits, then one byte: 1 = probe prefixes for every word. */
  prefixTrigrams: Uint8Array;
  /** The entry tables (native-tables.ts). */
  nativeTables: { block: Uint8Array };
}

export function scanText(text: string, tables: ScanTables, wantWords = true): ScanResult {
  const { wasm, bytes, buffer, ints } = load(TABLES + tables.nativeTables.block.byteLength);
  if (loadedFilter !== tables.filter) {
    bytes.set(tables.filter, 0);
    bytes.fill(0, LENGTHS, LENGTHS + 65);
    bytes.set(tables.prefixLengthFlags.subarray(0, 65), LENGTHS);
    bytes.set(tables.prefixTrigrams.subarray(0, 4097), TRIGRAMS);
    bytes.set(tables.nativeTables.block, TABLES);
    loadedFilter = tables.filter;
  }
  if (text.length <= CHUNK) return scanChunk(wasm, buffer, ints, text, wantWords);
  const records: number[] = [];
  const digits: number[] = [];
  for (let from = 0; from < text.length; ) {
    const end = chunkEnd(text, from);
    const part = scanChunk(wasm, buffer, ints, text.slice(from, end), wantWords);
    for (let k = 0; k < part.records.length; ) {
      const n = part.records[k + 3]!;
      records.push(part.records[k]! + from, part.records[k + 1]! + from);
      for (let j = k + 2; j < k + 4 + n; j++) records.push(part.records[j]!);
      k += 4 + n;
    }
    for (const v of part.digitRuns) digits.push(v + from);
    from = end;
  }
  return { records: Int32Array.from(records), digitRuns: Int32Array.from(digits) };
}

function scanChunk(wasm: Exports, buffer: Buffer, ints: Int32Array, chunk: string, wantWords: boolean): ScanResult {
  // UTF-16 code units into wasm memory (a native copy): offsets stay those of the JavaScript string.
  buffer.write(chunk, TEXT, chunk.length * 2, 'utf16le');
  wasm.scan(TEXT, chunk.length, TABLES, RECORDS, RECORDS_CAPACITY, DIGITS, CAPACITY, wantWords ? 1 : 0, 1);
  const length = wasm.records();
  if (length > RECORDS_CAPACITY) throw new Error('scan.wasm: more records than its output holds');
  return {
    records: ints.slice(RECORDS >> 2, (RECORDS >> 2) + length),
    digitRuns: ints.slice(DIGITS >> 2, (DIGITS >> 2) + wasm.digitRuns() * 2),
  };
}
