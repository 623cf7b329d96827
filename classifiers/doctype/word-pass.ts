import type { HeadWords } from '../text/wasm/scanner.ts';
import { instantiateWasm } from '../wasm-instance.ts';
import { foldLetter, HEAD_CHARS, stemOf, TITLE, TITLE_CHARS } from './tokens.ts';
import { WordTable } from './word-table.ts';

/**
 * The scorer's native part (wasm/words.as.ts): the word pass reads a text's head, finds its words in the word table
 * and counts their feature ids — the JavaScript loop it replaces (two hash chains per letter, a table probe per word)
 * was about half of the document type's time — and the model's linear part sums the weights of the features counted
 * (as JavaScript, the sums cost some 3 ns per weight). Words the pass has not seen are stemmed here (natural's
 * PorterStemmerNl, via tokens.ts, as in training) and added to the table, then the pass runs again: a text's
 * features are always counted in the order it touches them.
 */

/** The model as the native sums read it: features renumbered (see scorer.ts), weights feature-major. */
export interface NativeModel {
  idf: Float64Array;
  /** `bias.length` weights per feature, side by side. */
  weights: Float64Array;
  bias: Float64Array;
}

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(textPtr: number, length: number, titleChars: number, tablePtr: number, mask: number, countsPtr: number, touchedPtr: number, missesPtr: number, wordsPtr: number): void;
  scanListed(textPtr: number, length: number, listPtr: number, listed: number, titleChars: number, tablePtr: number, mask: number, countsPtr: number, touchedPtr: number, missesPtr: number, wordsPtr: number): void;
  touched(): number;
  misses(): number;
  score(n: number, countsPtr: number, touchedPtr: number, logsPtr: number, rowsPtr: number, rowBytes: number, classes: number, biasPtr: number, scoresPtr: number, valuesPtr: number): void;
}

const WORDS_WASM = new URL('./wasm/words.wasm', import.meta.url);

// Memory layout (bytes): the letter table, the text, the words and the misses (16 bytes per word), the shared scan's
// list of the head's words (12 bytes per word; see count), then (sized by
// the model) the counts and the touched ids, the logs of the counts, bias, scores, values, the feature rows, and last
// the word table (which grows). A feature's row is its idf and then its weights (an f64 per class), padded to whole
// cache lines: the sums load a touched row's lines anyway, so its idf comes at no extra load.
const FOLD = 0;
const TEXT = 256;
/** A word has two letters and a separator at least: at most this many words in a head. */
const MAX_WORDS = Math.ceil(HEAD_CHARS / 3) + 1;
const WORDS = TEXT + HEAD_CHARS * 2;
const MISSES = WORDS + MAX_WORDS * 16;
const LIST = MISSES + MAX_WORDS * 16;
const COUNTS = LIST + MAX_WORDS * 12 + 4; // after a spare count (words.as.ts: for the words that are no feature)
/** Math.log(count) for every count a feature can have in a head (at most one per word). */
const LOGS = Float64Array.from({ length: MAX_WORDS + 1 }, (_, n) => Math.log(n));

const align = (bytes: number) => Math.ceil(bytes / 64) * 64;

export class WordPass {
  private readonly wasm: Exports;
  private readonly width: number;
  private readonly classes: number;
  private readonly touchedAt: number;
  private readonly logsAt: number;
  private readonly rowBytes: number;
  private readonly biasAt: number;
  private readonly scoresAt: number;
  private readonly valuesAt: number;
  private readonly rowsAt: number;
  private readonly tableAt: number;
  /** Views of the memory, remade when it grows (growing replaces the buffer). */
  private buffer!: Buffer;
  private ints!: Int32Array;
  private f64s!: Float64Array;
  /** Where sums() leaves its result. */
  private scores!: Float64Array;
  /** The per-feature counts of the last text (sums() sets them back to 0). */
  counts!: Int32Array;
  /** The feature ids the last text touched, in order (as many as count() returned). */
  touched!: Int32Array;
  readonly words: WordTable;

  /** `index`: a feature's id by its token (a stem, or TITLE + a stem), as `model` numbers them. */
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    model: NativeModel,
  ) {
    this.wasm = instantiateWasm<Exports>(WORDS_WASM);
    this.width = model.idf.length;
    this.classes = model.bias.length;
    this.touchedAt = COUNTS + this.width * 4;
    this.logsAt = align(this.touchedAt + (this.width + 1) * 4); // room for one id past the last
    this.rowBytes = align(8 + this.classes * 8);
    this.biasAt = align(this.logsAt + LOGS.length * 8);
    this.scoresAt = align(this.biasAt + this.classes * 8);
    this.valuesAt = align(this.scoresAt + this.classes * 8);
    this.rowsAt = align(this.valuesAt + this.width * 8);
    this.tableAt = this.rowsAt + this.width * this.rowBytes;
    this.reserve(this.tableAt);
    for (let c = 0; c < 256; c++) this.buffer[FOLD + c] = Math.max(foldLetter(c), 0);
    this.f64s.set(LOGS, this.logsAt / 8);
    this.f64s.set(model.bias, this.biasAt / 8);
    for (let id = 0; id < this.width; id++) {
      const row = (this.rowsAt + id * this.rowBytes) / 8;
      this.f64s[row] = model.idf[id]!;
      this.f64s.set(model.weights.subarray(id * this.classes, (id + 1) * this.classes), row + 1);
    }
    this.words = new WordTable((ints) => this.allocateTable(ints));
  }

  /**
   * Counts the features of the text's head; returns how many distinct features it touched. `listed`: the head's
   * words as the shared text scan listed them (ScannedText.headWords), which spares the pass finding them again;
   * the same count either way. A list of a shorter head than this pass reads is not used.
   */
  count(text: string, listed?: Readonly<HeadWords>): number {
    const n = Math.min(text.length, HEAD_CHARS);
    this.buffer.write(text, TEXT, n * 2, 'utf16le');
    let words = -1;
    if (listed && listed.headChars >= n) {
      words = (listed.headTo - listed.headFrom) / 3;
      if (words > MAX_WORDS) throw new Error('word pass: more listed words than a head holds');
      this.ints.set(listed.headWords.subarray(listed.headFrom, listed.headTo), LIST >> 2);
    }
    for (;;) {
      const { wasm, words: table } = this;
      if (words < 0) wasm.scan(TEXT, n, TITLE_CHARS, this.tableAt, table.mask, COUNTS, this.touchedAt, MISSES, WORDS);
      else wasm.scanListed(TEXT, n, LIST, words, TITLE_CHARS, this.tableAt, table.mask, COUNTS, this.touchedAt, MISSES, WORDS);
      const missed = wasm.misses();
      if (missed === 0) return wasm.touched();
      // New words: clear what this pass counted, learn them, count again.
      for (let k = 0; k < wasm.touched(); k++) this.counts[this.touched[k]!] = 0;
      this.learn(text, missed);
    }
  }

  /**
   * The model's linear part for the `n` features count() touched: per class, its bias plus the weighted, normalised
   * tf-idf values. Sets the counts back to 0. The array views the module's memory: valid until the next call.
   */
  sums(n: number): Float64Array {
    const { wasm } = this;
    wasm.score(n, COUNTS, this.touchedAt, this.logsAt, this.rowsAt, this.rowBytes, this.classes, this.biasAt, this.scoresAt, this.valuesAt);
    return this.scores;
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
      this.f64s = new Float64Array(memory.buffer);
      this.scores = this.f64s.subarray(this.scoresAt / 8, this.scoresAt / 8 + this.classes);
      this.counts = this.ints.subarray(COUNTS / 4, COUNTS / 4 + this.width);
      this.touched = this.ints.subarray(this.touchedAt / 4, this.touchedAt / 4 + this.width);
    }
  }
}
