/**
 * The sentence around a financial term and what it holds: an amount, a person, a group. Local work on at
 * most a few hundred characters around a rare term, never a pass over the whole text.
 */
import type { Span } from '../../src/types.ts';

const LETTER = '[a-z0-9\\u00c0-\\u024f]';
/**
 * Context words are looked up only inside the sentence around a financial term, with a regex built from
 * the rule's list (same `word*` convention as the vocabulary): words like "u", "zijn" and "haar" are far
 * too common to index over the whole text for the sake of a rare financial term.
 */
export class LocalWords {
  /** The alternatives alone: a regex that starts with a look-behind tests it at every position, this one only where a word matches. */
  private readonly words: RegExp;
  /** The word start, tested where a word matched: not after a letter (the text before the sentence does not count). */
  private static readonly START = new RegExp(`(?<!${LETTER})`, 'iy');

  constructor(words: readonly string[]) {
    const alternatives = words
      .map((w) => {
        const stem = w.endsWith('*');
        const body = (stem ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t-]');
        return stem ? `${body}${LETTER}*` : `${body}(?!${LETTER})`;
      })
      .sort((a, b) => b.length - a.length);
    this.words = new RegExp(`(?:${byFirstLetter(alternatives).join('|')})`, 'gi');
  }

  /**
   * The first context word in `sentence`, lower case. The same as the first match of `(?<!letter)(?:words)`: the
   * leftmost position where a word matches and starts a word, with the same alternative (longest first) there.
   */
  first(sentence: string): string | undefined {
    const words = this.words;
    words.lastIndex = 0;
    for (let m = words.exec(sentence); m; m = words.exec(sentence)) {
      LocalWords.START.lastIndex = m.index;
      if (LocalWords.START.test(sentence)) return m[0].toLowerCase();
      words.lastIndex = m.index + 1;
    }
    return undefined;
  }
}

/**
 * The alternatives with one ASCII first letter factored out (`uw…|u…` → `u(?:w…|…)`), the rest left as they are:
 * the regex then tests a position's first letter once, not once per alternative. The same matches: under the i flag
 * an ASCII letter matches only itself in either case, so alternatives with different first letters (or one led by
 * anything else: an escape, a class, a non-ASCII letter) never match at the same position, and within a group the
 * order, which decides between alternatives that do, is kept.
 */
function byFirstLetter(alternatives: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const alternative of alternatives) {
    const first = alternative[0]!;
    const key = /^[a-z]$/i.test(first) ? first.toLowerCase() : `other ${groups.size}`;
    const group = groups.get(key);
    if (group) group.push(alternative);
    else groups.set(key, [alternative]);
  }
  return [...groups].map(([key, group]) => (group.length === 1 ? group[0]! : `${key}(?:${group.map((a) => a.slice(1)).join('|')})`));
}

/** A sentence ends at . ! ? before a capital (not after an initial or a title), or at a blank line. */
const BREAK = /(?<!\b(?:[A-Z]|[Dd]hr|[Mm]evr|[Mm]w|[Mm]rs?|[Mm]s|[Dd]rs?|[Ii]r|[Ii]ng|[Pp]rof|[Nn]r|[Ss]t|bijv|o\.a|t\.a\.v))[.!?](?=\s+["'(]?[A-Z\u00c0-\u00de])|\n[ \t]*\n/g;
/** An amount of money with its currency: € 3.500,00, EUR 12, 1.200 euro, $ 40, ƒ 100. */
export const MONEY = /(?:€|\bEUR\b|\$|£|ƒ|\bfl\.)[ \u00a0]?-?\d[\d.,]*(?:,-)?|\b\d[\d.]*(?:,\d{1,2}|,-)?[ \u00a0]?(?:euro|EUR)\b/i;
/**
 * What every MONEY match holds: a digit, and a currency (a sign, `eur` of EUR or euro, or `fl.`), compared as MONEY
 * does (the i flag, no u flag: `Ƒ` too). A sentence without them needs no MONEY search, which tries every position.
 */
const DIGIT = /[0-9]/;
const CURRENCY = /[€$£ƒ]|eur|fl\./i;

/** The first amount of money with its currency in the sentence (MONEY), or undefined. */
export function moneyIn(sentence: string): string | undefined {
  if (!DIGIT.test(sentence) || !CURRENCY.test(sentence)) return undefined;
  return MONEY.exec(sentence)?.[0];
}

/** The Dutch money format without a sign, as in payslips and overviews: 52.000,00, 312,40 (not 8,33%). */
export const BARE_AMOUNT = /\b\d{1,3}(?:\.\d{3})+(?:,\d{2})?(?![\d%.,])|\b\d+,\d{2}(?![\d%])/;
/**
 * An account held by an organisation: "Rekeninghouder: HOUTHANDEL TWENTE B.V.", "t.n.v. Stichting …", "Rekeninghouder :
 * Coöperatie … U.A." (a legal form within the holder's line), also as a delimited header row ('"Rekeninghouder";"…"').
 * Stichting, vereniging and coöperatie also end a compound ("HUURDERSVERENIGING DE …", "Voetbalvereniging …"): a
 * person's name never ends so. Groups: the holder word, the legal form (without the compound's first part: that may be
 * a name). Shared by the financial and IBAN detectors. Not a legal form that another abbreviation goes on from ("n.v.t.":
 * niet van toepassing).
 */
export const HOLDER_ORGANISATION = /(rekeninghouder|t\.?n\.?v\.?|ten name van|op naam van)[ \t]*:?[ \t]*[^\n]{0,60}?(?<![a-z\u00e0-\u00ff])(?:[a-z\u00e0-\u00ff]+?(?=stichting|vereniging|co[öo]peratie))?(b\.?v\.?|n\.?v\.?|stichting|vereniging|co[öo]peratie(?:ve)?|u\.a\.|gmbh|ltd|v\.o\.f\.?)(?!\.?[a-z])/i;
/** A `naam` column header (`naam   functie   jaarsalaris`) names persons as much as a `Naam:` field. */
export const NAME_COLUMN = /(?<![a-z])naam(?=[ \t]*[|;\t]|[ ]{2,})/i;
const SURNAME_BEFORE = /(?:\b(?:van|de|der|den|ter|ten|het)|\b[A-Z]\.)[ \u00a0]+$/;

/** The sentence (or line block) around a hit, at most `window` characters to either side. */
export function scopeOf(s: string, hit: Span, window: number): Span {
  const from = Math.max(0, hit.start - window);
  const to = Math.min(s.length, hit.end + window);
  let start = from;
  const left = s.slice(from, hit.start);
  BREAK.lastIndex = 0;
  while (BREAK.test(left)) start = from + BREAK.lastIndex; // the end of the last break (test builds no match array)
  BREAK.lastIndex = 0;
  const right = BREAK.exec(s.slice(hit.end, to));
  return { start, end: right ? hit.end + right.index + 1 : to };
}

/** A capitalised ambiguous word after a particle or an initial is a surname: `T. van Loon`, `De Schuld`. */
export function isSurname(s: string, hit: Span): boolean {
  const c = s.charCodeAt(hit.start);
  return c >= 65 && c <= 90 && SURNAME_BEFORE.test(s.slice(Math.max(0, hit.start - 12), hit.start));
}
