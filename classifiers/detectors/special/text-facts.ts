import type { ScannedText } from '../../text/scanned-text.ts';
import { documentSubject, type DocumentSubject } from './document-subject.ts';
import { firstAtOrAfter, SentenceEnds } from './sentence-span.ts';
import { blockScanEnd, LOCAL_BLOCK, localCuesInLines, LONGEST, type LocalCue } from './subject-rules.ts';

/**
 * What the nine special-category detectors share per text, built once by the first of them that has a candidate,
 * each part when first asked: where the sentences end, whether and where the document names its data subject, and
 * the pronouns and generic words (local cues) of the lines a candidate's window touches.
 */
export class TextFacts {
  /** Where sentences end (sentence-span.ts). */
  readonly sentenceEnds: SentenceEnds;
  /** Where the lines end, found when local cues are first asked for. */
  private lineBreaks: number[] | undefined;
  private documentSubject: DocumentSubject | undefined;
  private readonly lineCues: LineCues[] = [];

  constructor(
    readonly text: ScannedText,
    private readonly cueList: string,
  ) {
    this.sentenceEnds = new SentenceEnds(text.text);
  }

  /** Where the lines end (the positions of the line breaks, in order), found when first asked for. */
  get newlines(): readonly number[] {
    if (!this.lineBreaks) {
      const t = this.text.text;
      this.lineBreaks = [];
      for (let at = t.indexOf('\n'); at >= 0; at = t.indexOf('\n', at + 1)) this.lineBreaks.push(at);
    }
    return this.lineBreaks;
  }

  get subject(): DocumentSubject {
    return (this.documentSubject ??= documentSubject(this.text, this.cueList));
  }

  /**
   * The local cues inside [from, to), in text order, written to `out` from index 0 (the caller's scratch list, whose
   * entries from the returned count on are stale: not emptied, so its storage is kept from call to call). As
   * if each block touched were scanned whole (subject-rules.ts), but only its lines that meet [from, to) are:
   * the ones not scanned yet, each run of them in one scan. Returns how many cues were written.
   */
  localCues(from: number, to: number, out: LocalCue[]): number {
    let n = 0;
    for (let block = Math.floor(from / LOCAL_BLOCK); block * LOCAL_BLOCK < to; block++) {
      const blockStart = block * LOCAL_BLOCK;
      const lo = Math.max(from, blockStart);
      const hi = Math.min(to, blockStart + LOCAL_BLOCK);
      // Line k runs from just after newline k - 1 to newline k; lineOf(pos) is the line that holds or ends at pos.
      const first = firstAtOrAfter(this.newlines, lo);
      const last = firstAtOrAfter(this.newlines, hi - 1);
      const lines = this.linesOf(block);
      for (let k = first; k <= last; k++) {
        if (lines[k - lines.first] === undefined) this.scanLines(block, k, last, lines);
        for (const cue of lines[k - lines.first]!) if (cue.start >= from && cue.end <= to) out[n++] = cue;
      }
    }
    return n;
  }

  /** Per block, the local cues of each line scanned so far (index: line number − first, the block's first line). */
  private linesOf(block: number): LineCues {
    let lines = this.lineCues[block];
    if (!lines) {
      lines = [] as unknown as LineCues;
      lines.first = firstAtOrAfter(this.newlines, block * LOCAL_BLOCK);
      this.lineCues[block] = lines;
    }
    return lines;
  }

  /** Scans the run of not yet scanned lines from line k (at most to line `last`) in one go, and files the cues by line. */
  private scanLines(block: number, k: number, last: number, lines: LineCues): void {
    let end = k;
    while (end < last && lines[end + 1 - lines.first] === undefined) end++;
    const t = this.text.text;
    const blockStart = block * LOCAL_BLOCK;
    const from = Math.max(this.lineStart(k), blockStart);
    // A phrase may run on over a line break ("aard of oorzaak van de\n    ziekte", wrapped text), as in a scan of the
    // whole block: read on past the run's last line, so whichever lines were scanned first, a phrase is found with the
    // line it starts on (its cue filed there; cues that start past the run are left to their own line's scan).
    const to = Math.min(this.lineEnd(end) + LONGEST, blockScanEnd(block), t.length);
    const cues = from < to ? localCuesInLines(t, block, from, to) : NONE;
    let c = 0;
    for (let line = k; line <= end; line++) {
      const lineEnd = this.lineEnd(line);
      const first = c;
      while (c < cues.length && cues[c]!.start < lineEnd) c++;
      // A line that holds all the run's cues (often the run is one line) takes the scan's own array, read only.
      lines[line - lines.first] = first === c ? NONE : first === 0 && c === cues.length ? cues : cues.slice(first, c);
    }
  }

  private lineStart(k: number): number {
    return k > 0 ? this.newlines[k - 1]! + 1 : 0;
  }

  private lineEnd(k: number): number {
    return k < this.newlines.length ? this.newlines[k]! : this.text.text.length;
  }
}

type LineCues = (readonly LocalCue[] | undefined)[] & { first: number };
const NONE: readonly LocalCue[] = [];

/**
 * The facts of the text asked about last: the nine detectors run one after another on a text, so nearly every ask is
 * for that one (a comparison, no lookup). Others go through ScannedText.memo, where the facts live and die with their
 * text; the function memo takes is only made on that path. (A WeakMap held one entry per text until the next
 * collection, and growing it cost more than the lookups.) The last text stays referenced until the next one is asked
 * about.
 */
let lastText: ScannedText | undefined;
let lastFacts: TextFacts | undefined;
const FACTS_KEY = 'special.textFacts';

export function textFacts(text: ScannedText, cueList: string): TextFacts {
  if (text !== lastText || !lastFacts) {
    lastFacts = text.memo(FACTS_KEY, () => new TextFacts(text, cueList));
    lastText = text;
  }
  return lastFacts;
}
