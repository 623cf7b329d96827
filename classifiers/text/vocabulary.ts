import { isGapChar } from './gap.ts';
import { applyExceptions, EXCEPTION, HashedEntries, type Entry } from './entries.ts';
import { buildNativeTables, type NativeTables } from './native-tables.ts';
import { mayMatch, passes, phraseFilter, type PhraseFilter } from './phrase-filter.ts';
import { familyMask, PhraseShadows } from './phrase-shadow.ts';
import { anchorOf, inOneShape, matchAnchored, phrasePattern, type Phrase } from './phrases.ts';
import { equalsLowered, hashWord, isLetter, lowerCode } from './word-hash.ts';

/**
 * Every detector's word lists, searched in ONE pass over the text. The scanner reads each character once, hashes
 * words as it goes and probes hash tables; a string is built only to confirm a probable hit. This stays fast with
 * thousands of entries (first-name lists, stemmed vocabularies), where one giant regular expression would not:
 * V8 falls back to interpreting regexes that grow large.
 *
 * Entries are lower case. `word` matches the whole word; `word*` matches every word that starts with it (used for
 * stems: `zwanger*` finds zwanger, zwangerschap, zwangerschapsverlof). Entries with spaces, hyphens, dots or
 * apostrophes (`van der`, `bsn-nummer`, `tel.`, `in 't`) are phrases: a space matches a run of gap characters
 * (gap.ts: spaces, tabs, a hyphen, a line break, an underscore), a hyphen matches one or nothing. An entry `!word` (or `!word*`) is an exception: a word it matches is not reported
 * for that list at all (`ziek*` with `!ziektekostenverzekering`: an insurance is not an illness).
 */
export interface WordList {
  /** Globally unique, `detector.purpose`, e.g. `bsn.context`. */
  readonly id: string;
  readonly words: readonly string[];
  /** Only words written with a capital first letter count (first names: "Dan", not "dan"). */
  readonly capitalised?: boolean;
}

export interface KeywordHit {
  start: number;
  end: number;
  /** The entry that matched, as written in the list (lower case, `*` for a prefix entry). */
  entry: string;
  listIds: readonly string[];
  /** The same lists as indexes (Vocabulary.listIndex), in the same order: grouping hits by list needs no lookup. */
  listIndexes: readonly number[];
}

/** A 2^18-bit (32 KB, stays in the CPU's L1 cache) filter over every registered hash: most words are ruled out by one bit test. */
const FILTER_BITS = 18;
const filterIndex = (hash: number) => (hash ^ (hash >>> FILTER_BITS)) & ((1 << FILTER_BITS) - 1);
const MAX_WORD = 64;
/** A bit of Vocabulary.prefixStarts (as scan.as.ts computes it). */
const prefixStartIndex = (hash: number) => (hash ^ (hash >>> 15)) & 0x7fff;

function isCapital(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export class Vocabulary {
  private readonly exact = new HashedEntries<Entry>();
  private readonly prefixes = new HashedEntries<Entry>();
  private readonly phrases = new HashedEntries<Phrase>();
  /** Per phrase group, a cheap test per phrase (phrase-filter.ts): a group none of whose phrases can match is refused. */
  private readonly phraseFilters: PhraseFilter[][];
  /** Per phrase group, the families (phrase-shadow.ts) of each phrase's lists as bits, and of the whole group. */
  private readonly phraseFamilies: Uint8Array[];
  private readonly groupFamilies: Uint8Array;
  private readonly prefixLengthSet = new Set<number>();
  /** Lengths of the prefix entries, longest first: a word is probed once per length. */
  private readonly prefixLengths: Int32Array;
  private readonly prefixHashes = new Int32Array(MAX_WORD + 1);
  /** The Bloom filter and the prefix-length flags, shared with the WebAssembly scanner (wasm/scanner.ts). */
  readonly filter = new Uint8Array(1 << (FILTER_BITS - 3));
  readonly prefixLengthFlags = new Uint8Array(MAX_WORD + 1);
  /**
   * For the WebAssembly scanner (scan.as.ts), which probes a word for prefix entries only when it starts like one:
   * 2^15 bits over the hashes of the first `prefixStartLength` letters of every prefix entry (the shortest entry's
   * length, at most 4), and the shortest prefix entry's length (none: beyond MAX_WORD).
   */
  readonly prefixStarts = new Uint8Array(1 << 12);
  readonly prefixStartLength: number;
  readonly shortestPrefix: number;
  /** The letters of every prefix entry (for prefixStarts). */
  private readonly prefixWords: string[] = [];
  readonly listIds: readonly string[];
  /** An index per list that a hit can name (every owner of an entry, exception owners too), for ScannedText. */
  readonly listIndex = new Map<string, number>();
  /** listIndexesOf's cache: by the array itself (the hits of one entry share their entry's owners array). */
  private readonly indexesByOwners = new WeakMap<readonly string[], readonly number[]>();
  /** The one-word entries for the WebAssembly scanner, which resolves them natively (see resolveRecords). */
  readonly nativeTables: NativeTables;
  /** An exception entry matched the current word: its list's other hits there must go (applyExceptions). */
  private sawException = false;
  /** Set when a phrase found from a later word starts before hits already reported: sort before returning. */
  private unsorted = false;
  /** How many first characters' words the native scan lists (ScannedText.headWords): 0, none. */
  readonly headChars: number;
  /** The phrases reported so far that cover words still to come, per list (phrase-shadow.ts). */
  private readonly shadows = new PhraseShadows();
  /** A phrase was reported at the current word (matchPhrases): it may cover the next words. */
  private phraseFound = false;

  /** `options.headChars`: see `headChars` (the document-type word pass reads a head's words from the shared scan). */
  constructor(lists: readonly WordList[], options: { headChars?: number } = {}) {
    this.headChars = options.headChars ?? 0;
    const ids = new Map<string, WordList>();
    const seen = new Map<string, Entry>();
    for (const list of lists) {
      // A detector may declare another's list (the very same object) that it consults: compiled once.
      if (ids.get(list.id) === list) continue;
      if (ids.has(list.id)) throw new Error(`word list "${list.id}" is declared twice`);
      ids.set(list.id, list);
      for (const raw of list.words) this.add(raw, list.id, seen, list.capitalised === true);
    }
    for (const table of [this.exact, this.prefixes, this.phrases]) table.seal();
    for (const group of this.phrases.groups) group.sort((a, b) => b.display.length - a.display.length);
    for (const table of [this.exact, this.prefixes, this.phrases]) {
      for (const group of table.groups) {
        for (const entry of group) for (const owner of entry.owners) if (!this.listIndex.has(owner)) this.listIndex.set(owner, this.listIndex.size);
      }
    }
    // Every entry gets its lists' indexes (owners are final now), in one shape per kind: the hit loops read them.
    for (const table of [this.exact, this.prefixes]) {
      for (const group of table.groups) for (let k = 0; k < group.length; k++) group[k] = this.shaped(group[k]!);
    }
    for (const group of this.phrases.groups) {
      for (let k = 0; k < group.length; k++) group[k] = inOneShape(group[k]!, this.listIndexesOf(group[k]!.owners));
    }
    this.phraseFilters = this.phrases.groups.map((group) => group.map(phraseFilter));
    this.phraseFamilies = this.phrases.groups.map((group) => Uint8Array.from(group, (phrase) => familyMask(phrase.owners)));
    this.groupFamilies = Uint8Array.from(this.phraseFamilies, (masks) => masks.reduce((all, mask) => all | mask, 0));
    this.prefixLengths = Int32Array.from([...this.prefixLengthSet].sort((a, b) => b - a));
    for (const length of this.prefixLengthSet) this.prefixLengthFlags[length] = 1;
    this.shortestPrefix = this.prefixLengths.length ? this.prefixLengths[this.prefixLengths.length - 1]! : MAX_WORD + 1;
    this.prefixStartLength = Math.min(4, this.shortestPrefix);
    for (const word of this.prefixWords) {
      const bit = prefixStartIndex(hashWord(word.slice(0, this.prefixStartLength)));
      this.prefixStarts[bit >>> 3]! |= 1 << (bit & 7);
    }
    this.listIds = [...ids.keys()];
    this.nativeTables = buildNativeTables(this.exact, this.prefixes, this.phrases, this.phraseFilters);
  }

  /** listIndexesOf as a function of its own (for applyExceptions). */
  private readonly indexesOf = (listIds: readonly string[]) => this.listIndexesOf(listIds);

  /** The list indexes (listIndex) of a hit's listIds, in the same order. */
  listIndexesOf(listIds: readonly string[]): readonly number[] {
    let indexes = this.indexesByOwners.get(listIds);
    if (!indexes) this.indexesByOwners.set(listIds, (indexes = listIds.map((id) => this.listIndex.get(id)!)));
    return indexes;
  }

  /** A one-word entry as an object of one shape, with its lists' indexes (see inOneShape). */
  private shaped(e: Entry): Entry {
    return { word: e.word, display: e.display, owners: e.owners, exception: e.exception, capitalised: e.capitalised, listIndexes: this.listIndexesOf(e.owners) };
  }

  private mark(hash: number): number {
    const bit = filterIndex(hash);
    this.filter[bit >>> 3]! |= 1 << (bit & 7);
    return hash;
  }

  private add(raw: string, list: string, seen: Map<string, Entry>, capitalised: boolean): void {
    let display = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    let owner = list;
    if (display.startsWith('!')) {
      display = display.slice(1);
      owner = `${list}${EXCEPTION}`;
    }
    const isPrefix = display.endsWith('*');
    const word = isPrefix ? display.slice(0, -1) : display;
    if (!word) return;
    const known = seen.get(display);
    if (known) {
      if (!known.owners.includes(owner)) known.owners.push(owner);
      if (owner.endsWith(EXCEPTION)) known.exception = true;
      if (!capitalised) known.capitalised = false;
      return;
    }
    const isPlain = [...word].every((c) => isLetter(c.charCodeAt(0)));
    if (isPlain && word.length <= MAX_WORD) {
      const entry: Entry = { word, display, owners: [owner], capitalised, exception: owner.endsWith(EXCEPTION) };
      seen.set(display, entry);
      if (isPrefix) {
        this.prefixes.add(this.mark(hashWord(word)), entry);
        this.prefixLengthSet.add(word.length);
        this.prefixWords.push(word);
      } else this.exact.add(this.mark(hashWord(word)), entry);
      return;
    }
    const joined = word.replace(/-/g, '');
    if (joined !== word && [...joined].every((c) => isLetter(c.charCodeAt(0)))) {
      // `bsn-nummer` is also written `bsnnummer`: one word, found by the word tables.
      const entry: Entry = { word: joined, display, owners: [owner], exception: owner.endsWith(EXCEPTION) };
      if (isPrefix) this.prefixes.add(this.mark(hashWord(joined)), entry);
      else this.exact.add(this.mark(hashWord(joined)), entry);
      if (isPrefix) {
        this.prefixLengthSet.add(joined.length);
        this.prefixWords.push(joined);
      }
      const phrase: Phrase = { word, display, owners: entry.owners, pattern: phrasePattern(word, isPrefix), lead: 0, next: -1 };
      seen.set(display, phrase);
      this.phrases.add(this.mark(hashWord(/[a-z\u00c0-\u024f]+/.exec(word)![0])), phrase);
      return;
    }
    const starter = /[a-z\u00c0-\u024f]+/.exec(word);
    if (!starter) return; // nothing to anchor on (e.g. punctuation only)
    const following = word.charCodeAt(starter.index + starter[0].length);
    const phrase: Phrase = {
      word, display, owners: [owner], pattern: phrasePattern(word, isPrefix), lead: starter.index, exception: owner.endsWith(EXCEPTION),
      next: following === 45 || Number.isNaN(following) ? -1 : following,
    };
    const rest = word.slice(starter.index + starter[0].length);
    if (starter.index === 0 && !isPrefix && !/[\s\-a-z\u00c0-\u024f]/.test(rest)) phrase.literal = { starter: starter[0], rest };
    seen.set(display, phrase);
    // An exception phrase is found at its first word, where the hits it excepts stand ("!cv ketel" removes the list's
    // "cv"; found at its longest word "ketel" it came after them); the words after the first it covers (phrase-shadow.ts).
    const anchor = phrase.literal || phrase.exception ? undefined : anchorOf(word, isPrefix);
    if (anchor) {
      phrase.anchored = anchor;
      this.phrases.add(this.mark(hashWord(anchor.word)), phrase);
    } else this.phrases.add(this.mark(hashWord(starter[0])), phrase);
  }

  /** All keyword hits in the text, in order of their start. */
  scan(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    this.shadows.reset();
    const prefixHashes = this.prefixHashes;
    const n = text.length;
    let i = 0;
    while (i < n) {
      // The hot loop: ASCII tests inline, the general letter test only above 0xBF.
      let c = text.charCodeAt(i);
      let lower = c | 32;
      if (!((lower >= 97 && lower <= 122) || (c >= 0xc0 && isLetter(c)))) {
        i++;
        continue;
      }
      const start = i;
      let hash = 7;
      let length = 0;
      do {
        hash = (Math.imul(hash, 31) + (c < 0xc0 ? lower : lowerCode(c))) | 0;
        if (++length <= MAX_WORD) prefixHashes[length] = hash;
        if (++i >= n) break;
        c = text.charCodeAt(i);
        lower = c | 32;
      } while ((lower >= 97 && lower <= 122) || (c >= 0xc0 && isLetter(c)));
      const covered = this.shadows.active && this.shadows.covers(start);
      this.resolveWord(text, start, i, hash, hits, covered);
    }
    return this.inOrder(hits);
  }

  /**
   * The hits from the WebAssembly scanner's records (scan.as.ts: per word its phrase group and the one-word entries
   * it already confirmed, in the order resolveWord reports them): the same answer as `scan`, with the character loop
   * and the entry lookups done natively. Phrases are matched here. Reads the records [from, to).
   */
  resolveRecords(text: string, records: Int32Array, from = 0, to = records.length): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const entries = this.nativeTables.entries;
    this.shadows.reset();
    for (let r = from; r < to; r += 4 + records[r + 3]!) {
      const start = records[r]!;
      const covered = this.shadows.active && this.shadows.covers(start);
      const end = records[r + 1]!;
      const phrase = records[r + 2]!;
      const firstHit = hits.length;
      this.phraseFound = false;
      if (phrase >= 0) this.matchPhrases(text, start, end, phrase, hits);
      else if (phrase < -1) this.matchPhraseGroup(text, start, end, -2 - phrase, hits);
      for (let k = r + 4, last = r + 4 + records[r + 3]!; k < last; k++) {
        const entry = entries[records[k]!]!;
        if (entry.exception) this.sawException = true;
        hits.push({ start, end, entry: entry.display, listIds: entry.owners, listIndexes: entry.listIndexes! });
      }
      // Before the exceptions: an exception phrase ("!sanitair en cv") covers the words inside it as any phrase does.
      if (covered || this.phraseFound) this.shadowPhrases(hits, firstHit, covered, end);
      if (this.sawException) {
        this.sawException = false;
        applyExceptions(hits, firstHit, this.indexesOf);
      }
    }
    return this.inOrder(hits);
  }

  /**
   * After a word's hits (hits[firstHit…]): inside a phrase reported earlier, the phrase's own lists lose the word's
   * hits (that list's phrase already covers it); then this word's phrases that reach past it cover the next words
   * for their lists. See phrase-shadow.ts.
   */
  private shadowPhrases(hits: KeywordHit[], firstHit: number, covered: boolean, wordEnd: number): void {
    if (covered) this.shadows.filter(hits, firstHit, this.indexesOf);
    // Only a phrase reaches past its word (a word's own entries end with it).
    for (let k = firstHit; k < hits.length; k++) if (hits[k]!.end > wordEnd) this.shadows.add(hits[k]!.start, hits[k]!.end, hits[k]!.listIds);
  }

  /**
   * Every entry that matches the word [start, end) (its hash and prefix hashes computed by the caller) is reported,
   * each with its own lists: a phrase (`tel.`), the whole word (`tel`) and every stem it starts with
   * (`loonstrook` → `loon*`), so one list's entry never hides another's. `covered`: a phrase reported earlier covers
   * the word (phrase-shadow.ts).
   */
  private resolveWord(text: string, start: number, end: number, hash: number, hits: KeywordHit[], covered = false): void {
    const filter = this.filter;
    const firstHit = hits.length;
    this.phraseFound = false;
    let bit = filterIndex(hash);
    const wordMayHit = (filter[bit >>> 3]! & (1 << (bit & 7))) !== 0;
    if (wordMayHit && this.phrases.groups.length > 0) this.matchPhrase(text, start, end, hash, hits);
    if (wordMayHit) this.matchWord(text, start, end, hash, hits);
    const length = end - start;
    for (let k = 0; k < this.prefixLengths.length; k++) {
      const len = this.prefixLengths[k]!;
      if (len > length) continue;
      const prefixHash = this.prefixHashes[len]!;
      bit = filterIndex(prefixHash);
      if ((filter[bit >>> 3]! & (1 << (bit & 7))) !== 0) this.matchPrefix(text, start, end, len, prefixHash, hits);
    }
    if (covered || this.phraseFound) this.shadowPhrases(hits, firstHit, covered, end);
    if (this.sawException) {
      this.sawException = false;
      applyExceptions(hits, firstHit, this.indexesOf);
    }
  }

  private inOrder(hits: KeywordHit[]): KeywordHit[] {
    if (this.unsorted) {
      this.unsorted = false;
      hits.sort((a, b) => a.start - b.start);
    }
    return hits;
  }

  private matchPhrase(text: string, start: number, end: number, hash: number, hits: KeywordHit[]): void {
    const group = this.phrases.table.get(hash);
    if (group >= 0) this.matchPhraseGroup(text, start, end, group, hits);
  }

  private matchPhraseGroup(text: string, start: number, end: number, group: number, hits: KeywordHit[]): void {
    if (mayMatch(this.phraseFilters[group]!, text, start, end)) this.matchPhrases(text, start, end, group, hits);
  }

  /**
   * The phrases of the group that match at the word [start, end) (its filters passed), each family's first (longest)
   * only: the document-type cues and the detectors do not hide each other's phrases (phrase-shadow.ts). A phrase
   * that reaches past the word covers the next words (shadowPhrases).
   */
  private matchPhrases(text: string, start: number, end: number, group: number, hits: KeywordHit[]): void {
    const phrases = this.phrases.groups[group]!;
    const families = this.phraseFamilies[group]!;
    const all = this.groupFamilies[group]!;
    // In a group of several phrases (`cv ketel*`, `cv monteur*`… of `cv`), each phrase's own filter refuses most of
    // them before their match runs a regex: a refusal mirrors a check of the match (phrase-filter.ts).
    const filters = phrases.length > 1 ? this.phraseFilters[group]! : undefined;
    let matched = 0;
    for (let k = 0; k < phrases.length; k++) {
      if ((matched & families[k]!) !== 0) continue;
      if (filters && !passes(filters[k]!, text, start, end)) continue;
      const phrase = phrases[k]!;
      const found = this.matchPhrase1(text, start, end, phrase);
      if (found < 0) continue;
      const hitStart = phrase.anchored ? this.anchoredStart : phrase.literal ? start : start - phrase.lead;
      if (hits.length && hits[hits.length - 1]!.start > hitStart) this.unsorted = true;
      if (phrase.exception) this.sawException = true;
      hits.push({ start: hitStart, end: found, entry: phrase.display, listIds: phrase.owners, listIndexes: phrase.listIndexes! });
      this.phraseFound = true;
      matched |= families[k]!;
      if (matched === all) break; // the usual group: one family, done at its first match
    }
  }

  /** Where the anchored phrase matched by the last matchPhrase1 starts. */
  private anchoredStart = 0;

  /** Whether one phrase matches at the word [start, end): its end, or -1. */
  private matchPhrase1(text: string, start: number, end: number, phrase: Phrase): number {
    if (phrase.anchored) {
      const found = matchAnchored(text, start, end, phrase.anchored);
      if (!found) return -1;
      this.anchoredStart = found.start;
      return found.end;
    }
    const literal = phrase.literal;
    if (literal) {
      if (end - start !== literal.starter.length || !text.startsWith(literal.rest, end)) return -1;
      return equalsLowered(text, start, literal.starter) ? end + literal.rest.length : -1;
    }
    if (phrase.next >= 0) {
      // Cheap refusal before the regex: "b" is followed by "." in "b.v.", "van" by a space in "van der".
      const c = text.charCodeAt(end);
      if (phrase.next === 32 ? !isGapChar(c) : c !== phrase.next) return -1;
    }
    const at = start - phrase.lead;
    if (at < 0 || (at > 0 && phrase.lead > 0 && isLetter(text.charCodeAt(at - 1)))) return -1;
    // A sticky regex's test leaves lastIndex at the match's end (no match array is built).
    phrase.pattern.lastIndex = at;
    return phrase.pattern.test(text) ? phrase.pattern.lastIndex : -1;
  }

  private matchWord(text: string, start: number, end: number, hash: number, hits: KeywordHit[]): boolean {
    const group = this.exact.table.get(hash);
    if (group < 0) return false;
    const word = text.slice(start, end).toLowerCase();
    const entry = this.exact.groups[group]!.find((e) => e.word === word);
    if (!entry || (entry.capitalised && !isCapital(text.charCodeAt(start)))) return false;
    if (entry.exception) this.sawException = true;
    hits.push({ start, end, entry: entry.display, listIds: entry.owners, listIndexes: entry.listIndexes! });
    return true;
  }

  private matchPrefix(text: string, start: number, end: number, len: number, hash: number, hits: KeywordHit[]): boolean {
    const group = this.prefixes.table.get(hash);
    if (group < 0) return false;
    const stem = text.slice(start, start + len).toLowerCase();
    const entry = this.prefixes.groups[group]!.find((e) => e.word === stem);
    if (!entry || (entry.capitalised && !isCapital(text.charCodeAt(start)))) return false;
    if (entry.exception) this.sawException = true;
    hits.push({ start, end, entry: entry.display, listIds: entry.owners, listIndexes: entry.listIndexes! });
    return true;
  }
}
