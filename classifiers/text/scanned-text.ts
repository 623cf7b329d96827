import type { Span } from '../../src/types.ts';
import type { KeywordHit, Vocabulary } from './vocabulary.ts';
import { scanShared } from './wasm/scanner.ts';

const DIGIT_RUN = /\d(?:[ .\-/]?\d)*/g;
/** What `hits` returns for a list without hits (shared: callers only read it). */
const NO_HITS: readonly KeywordHit[] = Object.freeze([]);

/**
 * Which scanner reads the characters: the WebAssembly one (default), or the JavaScript reference
 * (BEWAARDER_SCANNER=js). Both give the same hits and runs; test/classifiers/text/scanner.test.ts checks that.
 */
const useWasm = process.env.BEWAARDER_SCANNER !== 'js';

/**
 * A text prepared for detection. The expensive passes over the whole text (all keywords of all
 * detectors in one pass, digit runs) run once, lazily, and are shared by every detector.
 */
export class ScannedText {
  private allHits: KeywordHit[] | undefined;
  /** Hits per list, by the list's index (Vocabulary.listIndex): built on the first `hits` call. */
  private byList: (KeywordHit[] | undefined)[] | undefined;
  private runs: Span[] | undefined;
  private memos: Map<string, unknown> | undefined;

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

  /** Hits of one word list, in text order. */
  hits(listId: string): readonly KeywordHit[] {
    const byList = this.byList ?? this.groupByList();
    const index = this.vocabulary.listIndex.get(listId);
    return (index === undefined ? undefined : byList[index]) ?? NO_HITS;
  }

  /** Every list's hits, in an array by list index (no map per text: most texts have hits of a few lists only). */
  private groupByList(): (KeywordHit[] | undefined)[] {
    const byList: (KeywordHit[] | undefined)[] = [];
    const listIndex = this.vocabulary.listIndex;
    for (const hit of this.keywords()) {
      for (const id of hit.listIds) {
        const index = listIndex.get(id)!;
        const list = byList[index];
        if (list) list.push(hit);
        else byList[index] = [hit];
      }
    }
    return (this.byList = byList);
  }

  /**
   * The hit of `listId` nearest to the span, at most `window` characters before its start or after its end
   * (preferring hits before, where labels like "BSN:" usually stand).
   */
  near(listId: string, span: Span, window = 60, after = true): KeywordHit | undefined {
    const hits = this.hits(listId);
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

  /** Maximal runs of digits, single separators (space . - /) allowed between them. */
  /** One native pass for both the keyword candidates and the digit runs. */
  private scanNatively(): void {
    // The output views the scanner's memory: read it all before anything scans again.
    const out = scanShared(this.text, this.vocabulary);
    this.allHits = this.vocabulary.resolveRecords(this.text, out.records, out.recordsFrom, out.recordsTo);
    if (!this.runs) {
      const runs: Span[] = [];
      const ints = out.runs;
      for (let k = out.runsFrom; k < out.runsTo; k += 2) runs.push({ start: ints[k]!, end: ints[k + 1]! });
      this.runs = runs;
    }
  }

  digitRuns(): readonly Span[] {
    if (!this.runs && useWasm) this.keywords();
    if (!this.runs) {
      this.runs = [];
      DIGIT_RUN.lastIndex = 0;
      for (let m = DIGIT_RUN.exec(this.text); m; m = DIGIT_RUN.exec(this.text)) {
        this.runs.push({ start: m.index, end: m.index + m[0].length });
      }
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
