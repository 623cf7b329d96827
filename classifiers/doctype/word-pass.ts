import { instantiateWasm } from '../wasm-instance.ts';
import { foldLetter, HEAD_CHARS, stemOf, TITLE, TITLE_CHARS } from './tokens.ts';
import { WordTable } from './word-table.ts';

/**
 * The scorer's word pass (wasm/words.as.ts): reads a text's head, finds its words in the word table and counts
 * their feature ids, natively — the JavaScript loop it replaces (two hash chains per letter, a table probe per word)
 * was about half of the document type's time. Words it has not seen are stemmed here (natural's
 * PorterStemmerNl, via tokens.ts, as in training) and added to the table, then the pass runs again: a text's
 * features are always counted in the order it touches them.
 */

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(textPtr: number, length: number, titleChars: number, tablePtr: number, mask: number, countsPtr: number, touchedPtr: number, missesPtr: number, wordsPtr: number): void;
  touched(): number;
  misses(): number;
}

const WORDS_WASM = new URL('./wasm/words.wasm', import.meta.url);

// Memory layout (bytes): the letter table, the text, the words and the misses (16 bytes per word), then counts,
// touched ids and the table (sized by the model's feature count).
const FOLD = 0;
const TEXT = 256;
/** A word has two letters and a separator at least: at most this many words in a head. */
const MAX_WORDS = Math.ceil(HEAD_CHARS / 3) + 1;
const WORDS = TEXT + HEAD_CHARS * 2;
const MISSES = WORDS + MAX_WORDS * 16;
const COUNTS = MISSES + MAX_WORDS * 16;

export class WordPass {
  private readonly wasm: Exports;
  private readonly touchedAt: number;
  private readonly tableAt: number;
  /** Views of the memory, remade when it grows (growing replaces the buffer). */
  private buffer!: Buffer;
  private ints!: Int32Array;
  /** The per-feature counts of the last text (the caller reads them and sets them back to 0). */
  counts!: Int32Array;
  /** The feature ids the last text touched, in order (as many as count() returned). */
  touched!: Int32Array;
  readonly words: WordTable;

  /** `index`: a feature's id by its token (a stem, or TITLE + a stem); `width`: how many features. */
  constructor(
    private readonly width: number,
    private readonly index: ReadonlyMap<string, number>,
  ) {
    this.wasm = instantiateWasm<Exports>(WORDS_WASM);
    this.touchedAt = COUNTS + width * 4;
    this.tableAt = Math.ceil((this.touchedAt + width * 4) / 64) * 64;
    this.reserve(this.tableAt);
    for (let c = 0; c < 256; c++) this.buffer[FOLD + c] = Math.max(foldLetter(c), 0);
    this.words = new WordTable((ints) => this.allocateTable(ints));
  }

  /** Counts the features of the text's head; returns how many distinct features it touched. */
  count(text: string): number {
    const n = Math.min(text.length, HEAD_CHARS);
    this.buffer.write(text, TEXT, n * 2, 'utf16le');
    for (;;) {
      const { wasm, words } = this;
      wasm.scan(TEXT, n, TITLE_CHARS, this.tableAt, words.mask, COUNTS, this.touchedAt, MISSES, WORDS);
      const missed = wasm.misses();
      if (missed === 0) return wasm.touched();
      // New words: clear what this pass counted, learn them, count again.
      for (let k = 0; k < wasm.touched(); k++) this.counts[this.touched[k]!] = 0;
      this.learn(text, missed);
    }
  }

  private learn(text: string, missed: number): void {
    for (let m = 0; m < missed; m++) {
      const at = (MISSES >> 2) + m * 4;
      const start = this.ints[at]!;
      const end = this.ints[at + 1]!;
      const a = this.ints[at + 2]!;
      const b = this.ints[at + 3]!;
      if (this.words.find(a, b) >= 0) continue; // the same new word twice in the text
      const stem = stemOf(text.slice(start, end).toLowerCase());
      const bodyId = stem === null ? -1 : (this.index.get(stem) ?? -1);
      const titleId = stem === null ? -1 : (this.index.get(TITLE + stem) ?? -1);
      this.words.add(a, b, bodyId, titleId);
    }
  }

  private allocateTable(ints: number): Int32Array {
    this.reserve(this.tableAt + ints * 4);
    const table = this.ints.subarray(this.tableAt / 4, this.tableAt / 4 + ints);
    table.fill(0);
    return table;
  }

  private reserve(bytes: number): void {
    const memory = this.wasm.memory;
    const pages = Math.ceil((bytes - memory.buffer.byteLength) / 65536);
    if (pages > 0) memory.grow(pages);
    if (this.buffer?.buffer !== memory.buffer) {
      this.buffer = Buffer.from(memory.buffer);
      this.ints = new Int32Array(memory.buffer);
      this.counts = this.ints.subarray(COUNTS / 4, COUNTS / 4 + this.width);
      this.touched = this.ints.subarray(this.touchedAt / 4, this.touchedAt / 4 + this.width);
    }
  }
}
