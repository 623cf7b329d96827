import type { Span } from '../../src/types.ts';
import type { KeywordHit, Vocabulary } from './vocabulary.ts';
import { groupByList } from './grouping.ts';
import { nameCapitals } from './name-capitals.ts';
import { triggerFacts } from './triggers.ts';
import { scanGeneration, scanShared, type HeadWords } from './wasm/scanner.ts';

const DIGIT_RUN = /\d(?:[ .\-/]?\d)*/g;
/**
 * A word list as a caller names it once (at module load) for ScannedText.hits: it keeps the list's index in the
 * vocabulary last asked, so a call costs a comparison instead of a map lookup (detectors ask for their lists some
 * fifty thousand times per megabyte). A text of another vocabulary looks the index up again.
 */
export class ListRef {
  /** The vocabulary `index` belongs to. */
  vocabulary: Vocabulary | undefined = undefined;
  /** The list's index there (Vocabulary.listIndex), -1: no such list. */
  index = -1;

  constructor(readonly id: string) {}
}

/** What `hits` returns for a list without hits (shared: callers only read it). */
const NO_HITS: readonly KeywordHit[] = Object.freeze([]);

/**
 * Which scanner reads the characters: the WebAssembly one (default), or the JavaScript reference
 * (BEWAARDER_SCANNER=js). Both give the same hits and runs; test/classifiers/text/scanner.test.ts checks that.
 */
const useWasm = process.env.BEWAARDER_SCANNER !== 'js';

const EMPTY: readonly number[] = Object.freeze([]);

/** ints[from, to) as an array of its own (a typed array's slice costs more per text than a short array's copy). */
function copyOf(ints: Int32Array, from: number, to: number): readonly number[] {
  if (from === to) return EMPTY;
  const out = new Array<number>(to - from);
  for (let k = from; k < to; k++) out[k - from] = ints[k]!;
  return out;
}

/**
 * A text prepared for detection. The expensive passes over the whole text (all keywords of all
 * detectors in one pass, digit runs) run once, lazily, and are shared by every detector.
 */
export class ScannedText {
  private allHits: KeywordHit[] | undefined;
  /** Hits per list, by the list's index (Vocabulary.listIndex): built on the first `hits` call. */
  private byList: (readonly KeywordHit[] | undefined)[] | undefined;
  /** Digit runs as start/end pairs (the native pass's own layout); `runs` are objects made from them on demand. */
  private pairs: readonly number[] | undefined;
  private runs: Span[] | undefined;
  private capitals: readonly number[] | undefined;
  private facts: number | undefined;
  private memos: Map<string, unknown> | undefined;
  /** The native scan's output, for its head words while it is the scanner's last (see headWords). */
  private head: Readonly<HeadWords> | undefined;
  private headGeneration = -1;

  constructor(
    readonly text: string,
    private readonly vocabulary: Vocabulary,
  ) {}

  /** Every keyword hit of every list, in text order. */
  keywords(): readonly KeywordHit[] {
    if (!this.allHits) {
      if (useWasm) this.scanNatively();
      else this.allHits = this.vocabulary.scan(this.text);
      this.allHits ??= [];
    }
    return this.allHits;
  }

  /** Hits of one word list, in text order. A ListRef for a list asked often (no map lookup). */
  hits(list: string | ListRef): readonly KeywordHit[] {
    const byList = this.byList ?? this.groupByList();
    let index: number | undefined;
    if (typeof list === 'string') index = this.vocabulary.listIndex.get(list);
    else {
      if (list.vocabulary !== this.vocabulary) {
        list.vocabulary = this.vocabulary;
        list.index = this.vocabulary.listIndex.get(list.id) ?? -1;
      }
      index = list.index;
    }
    return (index === undefined || index < 0 ? undefined : byList[index]) ?? NO_HITS;
  }

  /**
   * Every list's hits, in an array by list index (no map per text: most texts have hits of a few lists only). Each
   * list's array is made at its final size (grouping.ts): arrays grown by push would leave garbage per text.
   */
  private groupByList(): (readonly KeywordHit[] | undefined)[] {
    return (this.byList = groupByList(this.keywords(), this.vocabulary.listIndex.size));
  }

  /**
   * The hit of `listId` nearest to the span, at most `window` characters before its start or after its end
   * (preferring hits before, where labels like "BSN:" usually stand).
   */
  near(list: string | ListRef, span: Span, window = 60, after = true): KeywordHit | undefined {
    const hits = this.hits(list);
    let best: KeywordHit | undefined;
    let bestDistance = Infinity;
    // Binary search for the first hit that ends after span.start - window.
    let lo = 0;
    let hi = hits.length;
    const from = span.start - window;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]!.end < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hits.length; i++) {
      const hit = hits[i]!;
      if (hit.start > span.end + window) break;
      let distance: number;
      if (hit.end <= span.start) distance = span.start - hit.end;
      else if (hit.start >= span.end) {
        if (!after) break;
        distance = hit.start - span.end + 0.5; // a tie goes to the word before
      } else distance = 0;
      if (distance < bestDistance) {
        best = hit;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** One native pass for both the keyword candidates and the digit runs. */
  private scanNatively(): void {
    // The output views the scanner's memory: read it all before anything scans again.
    const out = scanShared(this.text, this.vocabulary, true, this.vocabulary.headChars);
    if (out.headWords && out.generation !== undefined) {
      this.head = out as Readonly<HeadWords>;
      this.headGeneration = out.generation;
    }
    this.allHits = this.vocabulary.resolveRecords(this.text, out.records, out.recordsFrom, out.recordsTo);
    this.pairs ??= copyOf(out.runs, out.runsFrom, out.runsTo);
    if (out.capitals) this.capitals ??= copyOf(out.capitals, out.capitalsFrom!, out.capitalsTo!);
    if (out.triggers !== undefined) this.facts ??= out.triggers;
  }

  /**
   * The words of the text's first `vocabulary.headChars` characters as the native scan listed them (scanner.ts:
   * ScanOutput.headWords; start, end, hash per word), or undefined: no native scan, a text of several chunks, or the
   * scanner has scanned another text since (its output views the scanner's memory). Read it before anything scans.
   */
  headWords(): Readonly<HeadWords> | undefined {
    if (!this.allHits && useWasm) this.keywords();
    return this.head && this.headGeneration === scanGeneration() ? this.head : undefined;
  }

  /** Whether the text has the trigger fact `fact` (a bit of triggers.ts): false means the detector's search finds nothing. */
  has(fact: number): boolean {
    if (this.facts === undefined && useWasm) this.keywords();
    return ((this.facts ??= triggerFacts(this.text)) & fact) !== 0;
  }

  /**
   * Where a person's name may stand (name-capitals.ts): start/end pairs in text order, from the native pass (or the
   * reference pattern: the JavaScript scanner, texts longer than the native pass's chunk).
   */
  nameCapitalPairs(): readonly number[] {
    if (!this.capitals && useWasm) this.keywords();
    return (this.capitals ??= nameCapitals(this.text));
  }

  /**
   * Maximal runs of digits, single separators (space . - /) allowed between them, as start/end pairs in text order:
   * run k is [pairs[2k], pairs[2k + 1]). No object per run: loops over runs read the pairs directly.
   */
  digitRunPairs(): readonly number[] {
    if (!this.pairs && useWasm) this.keywords();
    if (!this.pairs) {
      const found: number[] = [];
      DIGIT_RUN.lastIndex = 0;
      for (let m = DIGIT_RUN.exec(this.text); m; m = DIGIT_RUN.exec(this.text)) found.push(m.index, m.index + m[0].length);
      this.pairs = found;
    }
    return this.pairs;
  }

  /** The digit runs as spans (made on the first call from `digitRunPairs`). */
  digitRuns(): readonly Span[] {
    if (!this.runs) {
      const pairs = this.digitRunPairs();
      const runs: Span[] = [];
      for (let k = 0; k < pairs.length; k += 2) runs.push({ start: pairs[k]!, end: pairs[k + 1]! });
      this.runs = runs;
    }
    return this.runs;
  }

  /** The line that holds `pos`. */
  lineAround(pos: number): Span {
    const start = this.text.lastIndexOf('\n', pos - 1) + 1;
    const nl = this.text.indexOf('\n', pos);
    return { start, end: nl < 0 ? this.text.length : nl };
  }

  /** Shared, lazily computed per-text results (e.g. the person names that several detectors consult). */
  memo<T>(key: string, compute: () => T): T {
    const memos = (this.memos ??= new Map());
    if (memos.has(key)) return memos.get(key) as T;
    const value = compute();
    memos.set(key, value);
    return value;
  }
}
