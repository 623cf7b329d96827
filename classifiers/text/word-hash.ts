/**
 * An open-addressing hash set of word hashes (32-bit), each mapped to an entry index. Lookups allocate nothing:
 * the scanner hashes characters as it reads them and only builds a string to confirm a probable hit.
 */
export class WordHashTable {
  /** Read by native-tables.ts, which copies the table into the WebAssembly scanner's memory. */
  readonly keys: Int32Array;
  readonly values: Int32Array;
  readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** Adds (hash → index); on a hash collision between two words, the later one is chained by the caller. */
  set(hash: number, index: number): void {
    let i = hash & this.mask;
    while (this.values[i] !== -1 && this.keys[i] !== hash) i = (i + 1) & this.mask;
    this.keys[i] = hash;
    this.values[i] = index;
  }

  /** The index stored for the hash, or -1. */
  get(hash: number): number {
    let i = hash & this.mask;
    for (;;) {
      const v = this.values[i]!;
      if (v === -1) return -1;
      if (this.keys[i] === hash) return v;
      i = (i + 1) & this.mask;
    }
  }
}

/** Lower-cases a letter's code the cheap way (ASCII and Latin-1); other codes unchanged. */
export function lowerCode(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return c + 32;
  return c;
}

/** Letters as the scanner sees words: ASCII letters and Latin-1/Latin Extended-A letters (é, ë, ï, ĳ…). */
export function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function step(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

export function hashWord(word: string): number {
  let h = 7;
  for (let i = 0; i < word.length; i++) h = step(h, lowerCode(word.charCodeAt(i)));
  return h;
}

/**
 * Whether text[start, start + word.length) lower-cased equals `word` (as `text.slice(…).toLowerCase() === word`):
 * ASCII and Latin-1 characters are lower-cased here without building strings, other text takes the full way.
 */
export function equalsLowered(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(start + k);
    if (c >= 0x100) return text.slice(start, start + word.length).toLowerCase() === word;
    if (lowerCode(c) !== word.charCodeAt(k)) return false;
  }
  return true;
}
