import { readFileSync } from 'node:fs';

/**
 * The WebAssembly text scanner (scan.as.ts, compiled to scan.wasm by `npm run build:wasm`): one pass over the
 * text that returns the words that may be vocabulary entries (by the Bloom filter) and the digit runs. JavaScript
 * then confirms the few candidates. Texts are scanned in chunks of at most CHUNK code units, cut at whitespace
 * that no word or digit run spans.
 */
export interface ScanResult {
  /** start/end pairs of words whose hash or a prefix hash passes the filter */
  words: Int32Array;
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
  scan(textPtr: number, length: number, wordsPtr: number, wordsCap: number, digitsPtr: number, digitsCap: number, wantWords: number, wantDigits: number): number;
  words(): number;
  digitRuns(): number;
}

const FILTER_BYTES = 1 << 15;
const LENGTHS = FILTER_BYTES;
const TRIGRAMS = LENGTHS + 128;
const TEXT = TRIGRAMS + 4096 + 64;
const CHUNK = 1 << 20;
const CAPACITY = CHUNK / 2 + 1; // at most one word (or digit run) per two code units

interface Loaded {
  wasm: Exports;
  bytes: Uint8Array;
  buffer: Buffer;
  ints: Int32Array;
}

let loaded: Loaded | undefined;
let loadedFilter: Uint8Array | undefined;

/** Instantiates the module once, with memory for one chunk and its outputs; the views are made once too. */
function load(): Loaded {
  if (!loaded) {
    const module = new Module(readFileSync(new URL('./scan.wasm', import.meta.url)));
    const abort = () => {
      throw new Error('scan.wasm aborted');
    };
    const wasm = new Instance(module, { env: { abort } }).exports as Exports;
    const needed = TEXT + CHUNK * 2 + CAPACITY * 16;
    const pages = Math.ceil((needed - wasm.memory.buffer.byteLength) / 65536);
    if (pages > 0) wasm.memory.grow(pages);
    const buffer = wasm.memory.buffer;
    loaded = { wasm, bytes: new Uint8Array(buffer), buffer: Buffer.from(buffer), ints: new Int32Array(buffer) };
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

const WORDS = TEXT + CHUNK * 2;
const DIGITS = WORDS + CAPACITY * 8;

/** What the scanner needs of a vocabulary: its Bloom filter, the prefix lengths and the prefix trigrams. */
export interface ScanTables {
  filter: Uint8Array;
  prefixLengthFlags: Uint8Array;
  /** 4096 bytes of trigram bits, then one byte: 1 = probe prefixes for every word. */
  prefixTrigrams: Uint8Array;
}

export function scanText(text: string, tables: ScanTables, wantWords = true): ScanResult {
  const { wasm, bytes, buffer, ints } = load();
  if (loadedFilter !== tables.filter) {
    bytes.set(tables.filter, 0);
    bytes.fill(0, LENGTHS, LENGTHS + 65);
    bytes.set(tables.prefixLengthFlags.subarray(0, 65), LENGTHS);
    bytes.set(tables.prefixTrigrams.subarray(0, 4097), TRIGRAMS);
    loadedFilter = tables.filter;
  }
  if (text.length <= CHUNK) return scanChunk(wasm, buffer, ints, text, wantWords);
  const words: number[] = [];
  const digits: number[] = [];
  for (let from = 0; from < text.length; ) {
    const end = chunkEnd(text, from);
    const part = scanChunk(wasm, buffer, ints, text.slice(from, end), wantWords);
    for (const v of part.words) words.push(v + from);
    for (const v of part.digitRuns) digits.push(v + from);
    from = end;
  }
  return { words: Int32Array.from(words), digitRuns: Int32Array.from(digits) };
}

function scanChunk(wasm: Exports, buffer: Buffer, ints: Int32Array, chunk: string, wantWords: boolean): ScanResult {
  // UTF-16 code units into wasm memory (a native copy): offsets stay those of the JavaScript string.
  buffer.write(chunk, TEXT, chunk.length * 2, 'utf16le');
  wasm.scan(TEXT, chunk.length, WORDS, CAPACITY, DIGITS, CAPACITY, wantWords ? 1 : 0, 1);
  return {
    words: ints.slice(WORDS >> 2, (WORDS >> 2) + wasm.words() * 2),
    digitRuns: ints.slice(DIGITS >> 2, (DIGITS >> 2) + wasm.digitRuns() * 2),
  };
}
