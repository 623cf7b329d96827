/**
 * The words the scorer has seen, by their 64-bit hash (two int32 halves), each with its two feature ids (body,
 * title; -1: not a feature). Open addressing with linear probing over entries of four int32s side by side, so a
 * probe reads one cache line.
 *
 * The table starts small and doubles at 70 % load: a corpus has some thousands of distinct words, and a dense table
 * of a few hundred KB stays in the CPU cache between documents where a sparse 2 MB one cost a memory load (and
 * often a TLB miss) per word once the detectors had run. The size never changes what a lookup answers: a word is
 * found by its exact pair of hashes wherever it sits, and its ids depend on the word alone — so a full table can
 * simply be emptied and its words learnt again when they come back.
 *
 * The entries live where `allocate` puts them (the WebAssembly word pass reads them from its memory): it returns a
 * zeroed view of the given number of int32s, and may reuse the previous view's memory.
 */
const STRIDE = 4;
const FIRST_SLOTS = 1 << 12;
/** The largest table (2 MB); past 70 % of it, the table is emptied. */
const MAX_SLOTS = 1 << 17;
const LOAD = 0.7;

export class WordTable {
  /** Entries [keyA, keyB, body id, title id]; keyA = keyB = 0 marks an empty slot (callers never use that key). */
  table: Int32Array;
  /** Slots - 1 (the slot count is a power of two). */
  mask = FIRST_SLOTS - 1;
  private words = 0;
  private limit = FIRST_SLOTS * LOAD;

  constructor(private readonly allocate: (ints: number) => Int32Array = (ints) => new Int32Array(ints)) {
    this.table = allocate(FIRST_SLOTS * STRIDE);
  }

  /** The entry (offset into `table`) of a known word, or -1. */
  find(a: number, b: number): number {
    const table = this.table;
    const mask = this.mask;
    let i = (a ^ (b >>> 7)) & mask;
    for (;;) {
      const at = i * STRIDE;
      const ka = table[at]!;
      const kb = table[at + 1]!;
      if (ka === a && kb === b) return at;
      if (ka === 0 && kb === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Remembers a new word (not in the table) and returns its entry; `table` may be a new array afterwards. */
  add(a: number, b: number, bodyId: number, titleId: number): number {
    if (this.words >= this.limit) {
      if (this.mask + 1 < MAX_SLOTS) this.grow();
      else {
        this.table = this.allocate(this.table.length); // full (a long run over varied texts): start again
        this.words = 0;
      }
    }
    this.words++;
    return this.put(a, b, bodyId, titleId);
  }

  private put(a: number, b: number, bodyId: number, titleId: number): number {
    const table = this.table;
    const mask = this.mask;
    let i = (a ^ (b >>> 7)) & mask;
    while (table[i * STRIDE] !== 0 || table[i * STRIDE + 1] !== 0) i = (i + 1) & mask;
    const at = i * STRIDE;
    table[at] = a;
    table[at + 1] = b;
    table[at + 2] = bodyId;
    table[at + 3] = titleId;
    return at;
  }

  private grow(): void {
    const old = this.table.slice();
    const slots = (this.mask + 1) * 2;
    this.table = this.allocate(slots * STRIDE);
    this.mask = slots - 1;
    this.limit = slots * LOAD;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] !== 0 || old[at + 1] !== 0) this.put(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
  }
}
