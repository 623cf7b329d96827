import { GAP_CLASS } from './gap.ts';
import type { Span } from '../../src/types.ts';
import type { Entry } from './entries.ts';
import { compileLead, LEAD_WINDOW, leadStart, type Lead } from './lead-match.ts';
import { equalsLowered, isLetter } from './word-hash.ts';

const LETTERS = 'a-z\\u00c0-\\u024f';

/** A vocabulary entry of several words or with punctuation (`van der`, `bsn-nummer`, `tel.`). */
export interface Phrase extends Entry {
  /** Sticky, case-insensitive; anchored `lead` characters before the starter word. */
  pattern: RegExp;
  lead: number;
  /**
   * For phrases of several words: the phrase is found from its longest word (`de medewerker` from `medewerker`),
   * not its first — a first word like "de" occurs everywhere, and each occurrence would run the phrase's regex.
   * `before` matches what precedes that word (ending at it), `after` what follows (sticky); `lead` and `rest` are the
   * phrase's own text before and after the word (phrase-filter.ts reads them).
   */
  anchored?: {
    word: string;
    before: RegExp | undefined;
    /** `before` as a backward match (lead-match.ts), when the lead allows it: the regex then never runs. */
    backward: Lead | undefined;
    after: RegExp | undefined;
    beforeLetter: boolean;
    lead: string;
    rest: string;
  };
  /**
   * For a phrase that is one word and punctuation (`aan:`, `tel.`, `dhr.`): the word and the punctuation, compared
   * directly — common words like "aan" start such phrases, and a regex run per occurrence would cost the most.
   */
  literal?: { starter: string; rest: string };
  /** The character that must follow the first word (space also matches tab and hyphen); -1 when optional. */
  next: number;
}

/**
 * The phrase as an object of one fixed shape. Phrases are built in several ways and some get fields later
 * (`capitalised`, `exception`), so they would have many hidden classes, and reading their fields in the scanner's
 * phrase loop would take V8's slow (megamorphic) path. `listIndexes`: the owners' list indexes (Entry.listIndexes).
 */
export function inOneShape(p: Phrase, listIndexes: readonly number[]): Phrase {
  return {
    word: p.word,
    display: p.display,
    owners: p.owners,
    exception: p.exception,
    capitalised: p.capitalised,
    pattern: p.pattern,
    lead: p.lead,
    anchored: p.anchored,
    literal: p.literal,
    next: p.next,
    listIndexes,
  };
}

function phraseSource(raw: string): string {
  let source = '';
  for (const c of raw) {
    if (c === ' ') source += `${GAP_CLASS}+`;
    else if (c === '-') source += `${GAP_CLASS}?`;
    else source += /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
  }
  return source;
}

/** An abbreviation of single letters (`n.v.`, `b.v.`, `t.a.v.`): another letter after it makes a longer one. */
const LETTER_ABBREVIATION = new RegExp(`(?:^|[^${LETTERS}])[${LETTERS}]\\.$`);

function phraseEnding(raw: string, isPrefix: boolean): string {
  if (isPrefix) return `[${LETTERS}]*`;
  // "n.v." (naamloze vennootschap) is not in "n.v.t." (niet van toepassing).
  return isLetter(raw.charCodeAt(raw.length - 1)) || LETTER_ABBREVIATION.test(raw) ? `(?![${LETTERS}])` : '';
}

export function phrasePattern(raw: string, isPrefix: boolean): RegExp {
  return new RegExp(phraseSource(raw) + phraseEnding(raw, isPrefix), 'iy');
}

/**
 * The word to find a phrase by: its longest word, when that is not the first (a first word is found as before) and
 * not the last word of a prefix entry (whose text word may be longer than the entry).
 */
export function anchorOf(word: string, isPrefix: boolean): Phrase['anchored'] {
  const runs = [...word.matchAll(/[a-z\u00c0-\u024f]+/g)];
  if (runs.length < 2) return undefined;
  let best = runs[0]!;
  for (const run of runs) if (run[0].length >= best[0].length) best = run;
  if (best === runs[0] || (isPrefix && best === runs[runs.length - 1])) return undefined;
  const before = word.slice(0, best.index);
  const after = word.slice(best.index + best[0].length);
  const ending = phraseEnding(word, isPrefix);
  return {
    word: best[0],
    before: before ? new RegExp(`${phraseSource(before)}$`, 'i') : undefined,
    backward: before ? compileLead(before) : undefined,
    after: after || ending ? new RegExp(phraseSource(after) + ending, 'iy') : undefined,
    beforeLetter: isLetter(word.charCodeAt(0)),
    lead: before,
    rest: after,
  };
}

/**
 * A phrase found from its anchor word at [start, end): the whole phrase's span, or undefined. The cheap tests come
 * first (each test is a condition of the match, so their order does not change the answer); the regexes run with
 * `test` (a sticky regex's lastIndex is where its match ends), which builds no match array.
 */
export function matchAnchored(text: string, start: number, end: number, anchor: NonNullable<Phrase['anchored']>): Span | undefined {
  if (end - start !== anchor.word.length || !equalsLowered(text, start, anchor.word)) return undefined;
  let from = start;
  if (anchor.backward) {
    from = leadStart(text, start, anchor.backward);
    if (from < 0) return undefined;
  } else if (anchor.before) {
    const window = text.slice(Math.max(0, start - LEAD_WINDOW), start);
    const m = anchor.before.exec(window);
    if (!m) return undefined;
    from = start - m[0].length;
  }
  if (anchor.before && anchor.beforeLetter && from > 0 && isLetter(text.charCodeAt(from - 1))) return undefined;
  let to = end;
  if (anchor.after) {
    anchor.after.lastIndex = end;
    if (!anchor.after.test(text)) return undefined;
    to = anchor.after.lastIndex;
  }
  return { start: from, end: to };
}
