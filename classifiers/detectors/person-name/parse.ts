/**
 * The shape of a person's name, read locally at one position: optional titles (mr. dr.), initials (J.P.),
 * first names, particles (van der) and a capitalised surname. Only ever run at a candidate position found by
 * a cheap pass, never over the whole text. The name lists come from rules/names/ (faker-js, MIT, plus the
 * project's additions).
 */
import { loadRule } from '../../rules.ts';

const lists = (file: string, keys: string[]) =>
  loadRule(`names/${file}`, (raw) => {
    const out: string[] = [];
    const added = (raw.addedByProject ?? {}) as Record<string, unknown>;
    for (const source of [raw, added]) for (const key of keys) if (Array.isArray(source[key])) out.push(...(source[key] as string[]));
    if (out.length === 0) throw new Error(`rules/names/${file}: no names under ${keys.join(', ')}`);
    return out;
  });

const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase());

/** A set of character codes for the hot tests (a table for Latin-1, a Set above): faster than a Set of numbers alone. */
export class CharSet {
  private readonly latin1 = new Uint8Array(256);
  private readonly rest = new Set<number>();
  constructor(codes: Iterable<number>) {
    for (const c of codes) {
      if (c < 256) this.latin1[c] = 1;
      else this.rest.add(c);
    }
  }
  has(c: number): boolean {
    return c < 256 ? this.latin1[c] === 1 : this.rest.has(c);
  }
}
export const PARTICLES = lower(lists('particles.json', ['particles']));
const particleSet = new Set(PARTICLES);
const dutchFirst = new Set(lower(lists('first-names.json', ['male', 'female', 'unisex'])));
/** First names as listed ("Pieter"). A particle is a first name only where Dutch lists say so ("Ben"; not English "Van"). */
const firstListed = lists('first-names.json', ['male', 'female', 'unisex', 'english']).filter(
  (n) => !particleSet.has(n.toLowerCase()) || dutchFirst.has(n.toLowerCase()),
);
const surnamesListed = lists('surnames.json', ['dutch', 'english', 'names']);
/** Lower-case first names. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(lower(firstListed));
/** Lower-case surnames with their particles, as written after a first name: `jansen`, `van der meer`. */
export const SURNAMES: ReadonlySet<string> = new Set(lower(surnamesListed));
/**
 * Surnames as written in running text, for the word pass to look up without lower-casing every word: the
 * capitalised last word of each surname ("Jansen", "Meer" of "van der Meer").
 */
export const SURNAME_WORDS: ReadonlySet<string> = new Set(surnamesListed.map((n) => n.slice(n.lastIndexOf(' ') + 1)));

/**
 * A 2^16-bit filter over the hashes of those words, so the word pass rules out most capitalised words
 * ("Utrecht", "Raad") with one bit test, before it builds a string. The hash runs backwards over the
 * characters, the way the word pass walks back from a match's end to its capital.
 */
export const stepHash = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0;
const filterBit = (hash: number) => (hash ^ (hash >>> 16)) & 0xffff;
const SURNAME_FILTER = new Uint8Array(1 << 13);
for (const word of SURNAME_WORDS) {
  let hash = 7;
  for (let i = word.length - 1; i >= 0; i--) hash = stepHash(hash, word.charCodeAt(i));
  const bit = filterBit(hash);
  SURNAME_FILTER[bit >>> 3]! |= 1 << (bit & 7);
}
export function mayBeSurname(hash: number): boolean {
  const bit = filterBit(hash);
  return (SURNAME_FILTER[bit >>> 3]! & (1 << (bit & 7))) !== 0;
}

const UP = 'A-ZÀ-ÖØ-Þ\\u0100-\\u017f';
const LO = "a-zß-öø-ÿ\\u0100-\\u017f";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const variants = (p: string) => [p, p[0]!.toUpperCase() + p.slice(1), p.toUpperCase(), p.replace(/'/g, '’')];
const PARTICLE_ALT = [...new Set(PARTICLES.flatMap(variants))].sort((a, b) => b.length - a.length).map(escape).join('|');

const CAPWORD = `(?:IJ|[${UP}])[${LO}]+(?:[${UP}][${LO}]+)?`;
const WORD = new RegExp(`${CAPWORD}(?:-(?:(?:${PARTICLE_ALT})[ \\t])?${CAPWORD})*(?![${UP}${LO}])`, 'y');
const CAPS = new RegExp(`[${UP}]{2,}(?:-[${UP}]{2,})*(?![${UP}${LO}.])`, 'y');
const INITIALS = new RegExp(`(?:(?:Th|Chr|Ph|Joh|Wm|[${UP}])\\.[ \\t]?)+`, 'y');
/** A call name in brackets after the initials, with the blanks after it: "J.P. (Jasper) Lindqvist". */
const CALL_NAME = new RegExp(`\\([${UP}][${LO}]+(?:-[${UP}][${LO}]+)?\\)[ \\t]+`, 'y');
const PARTICLE = new RegExp(`(?:${PARTICLE_ALT})[ \\t]+`, 'y');

/**
 * A cheap test before PARTICLE: a particle's first word ("van" of "van der") is a whole run of non-blanks
 * followed by a blank, so the run at the position must hash like one of those first words.
 */
const hashRun = (text: string, from: number, to: number) => {
  let hash = 7;
  for (let k = from; k < to; k++) hash = stepHash(hash, text.charCodeAt(k));
  return hash;
};
const particleHeads = [...new Set(PARTICLES.flatMap(variants))].map((p) => p.split(' ')[0]!);
if (particleHeads.some((h) => h === '' || h.includes('\t'))) throw new Error('rules/names/particles.json: a particle starts blank or holds a tab');
const PARTICLE_HEADS = new Set(particleHeads.map((h) => hashRun(h, 0, h.length)));
const PARTICLE_HEAD_MAX = Math.max(...particleHeads.map((h) => h.length));
function mayBeParticle(text: string, i: number): boolean {
  const limit = Math.min(text.length, i + PARTICLE_HEAD_MAX + 1);
  for (let k = i; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9) return k > i && PARTICLE_HEADS.has(hashRun(text, i, k));
  }
  return false;
}

/** Letters of LO below U+0100 (a-z ß-ö ø-ÿ); U+0100–U+017F is in both UP and LO. */
const isLatinLower = (c: number) => (c >= 97 && c <= 122) || (c >= 223 && c <= 255 && c !== 247);
/** Any character of UP or LO. */
const isNameLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 192 && c <= 383 && c !== 215 && c !== 247);

/**
 * Where WORD matches at `i` (a capital, known to be there), or -1. The common word, a capital below U+0100 (or
 * "IJ") and lower-case letters below U+0100 followed by neither a hyphen nor a letter of UP or LO, is read here:
 * WORD's first path takes exactly that (greedy lower case, nothing optional fits, the lookahead holds). Every
 * other case goes to the regex itself.
 */
function wordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 256) {
    let k = c === 73 && text.charCodeAt(i + 1) === 74 ? i + 2 : i + 1;
    const from = k;
    while (isLatinLower(text.charCodeAt(k))) k++;
    const next = text.charCodeAt(k);
    if (k > from && next !== 45 && !isNameLetter(next)) return k;
  }
  return at(WORD, text, i);
}

/** The end of one to three blanks at `i` (what /[ \t]{1,3}/y matched), or -1. */
function blanksEnd(text: string, i: number): number {
  let n = 0;
  while (n < 3 && (text.charCodeAt(i + n) === 32 || text.charCodeAt(i + n) === 9)) n++;
  return n > 0 ? i + n : -1;
}

/**
 * The end of blanks, one line break and blanks at `i` (a wrapped line), or -1; not a blank line, which ends a
 * paragraph.
 */
function lineBreakEnd(text: string, i: number): number {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) !== 10) return -1;
  i++;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 ? -1 : i;
}

/**
 * Where the surname after initials starts: forms and scans pad the gap ("E.J.M.  Nijhuis"), so up to two more blanks
 * are skipped before a capitalised word of lower-case letters; not before an ALL-CAPS code, which is a table's next
 * column ("B.V.  NL31 INGB ..."). `e` is the end of the initials, one blank included.
 */
function afterInitials(text: string, e: number): number {
  let k = e;
  while (k < e + 2 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k > e && isUpper(text.charCodeAt(k)) && isLatinLower(text.charCodeAt(k + 1)) ? k : e;
}

/** Title abbreviations (mr., dr.) as one sticky regex, with the first letters any chain can start with. */
export interface TitleChain {
  regex: RegExp;
  first: CharSet;
}

export interface ReadOptions {
  /** Title abbreviations (mr., dr.) that may open the name; they are not part of it. */
  titles?: TitleChain;
  /** Accept ALL-CAPS words (form values, signatures, old advertisements). */
  caps?: boolean;
  /**
   * Read on over a padded gap after initials (see afterInitials): after a cue word only ("Werknemer :  E.J.M.  Nijhuis");
   * without one, "S.V.  Oranje  Nassau" in a text spaced out by a scan is a club.
   */
  paddedInitials?: boolean;
  /** Accept a lower-case particle first ("de heer van Dijk"); after a role word "van" is a preposition. */
  lowerParticleFirst?: boolean;
  /** Words that end a name without belonging to it (months, "Gemeente", "B.V."): see stopWords. */
  stop: StopWords;
}

/**
 * Stop entries by lower-case word, one lookup per word read: `true` ends the name at that word; a regex (the rest of
 * the multi-word entries that start with the word, "earl grey") ends it there only when the rest follows. Entries
 * led by a particle ("den haag") are kept whole: the particle is read first, then looked up with the next word.
 */
export type StopWords = ReadonlyMap<string, true | RegExp>;

export function stopWords(entries: readonly string[]): StopWords {
  const map = new Map<string, true | RegExp>();
  const tails = new Map<string, string[]>();
  for (const entry of entries) {
    map.set(entry, true);
    const space = entry.indexOf(' ');
    if (space > 0) tails.set(entry.slice(0, space), [...(tails.get(entry.slice(0, space)) ?? []), entry.slice(space + 1)]);
  }
  for (const [first, rest] of tails) {
    if (map.get(first) === true) continue; // stops the name anyway
    const alt = rest.map((t) => escape(t).replace(/ /g, '[ \\t]+')).join('|');
    map.set(first, new RegExp(`[ \\t]+(?:${alt})(?![-${LO}${UP}])`, 'iy'));
  }
  return map;
}

/**
 * A filter over the stop entries (4096 bits of a hash of their characters), so that readName looks a word up only
 * when it may be one: no lower-case copy and no Map lookup for most words. Entries with a character above U+00FF are
 * left out: a word of Latin-1 characters lower-cases to Latin-1 characters, so it can never equal one of them.
 */
const stopFilters = new WeakMap<StopWords, Uint8Array>();
/** The stop words last asked for and their filter: every caller passes the same map, and readName asks once per call. */
let lastStop: StopWords | undefined;
let lastFilter: Uint8Array | undefined;
/** String.prototype.toLowerCase for a Latin-1 character (A-Z, À-Þ except ×; every other one maps to itself). */
const foldLatin1 = (c: number) => ((c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215) ? c + 32 : c);
const stopBit = (hash: number) => (hash ^ (hash >>> 12)) & 0xfff;
function stopFilter(stop: StopWords): Uint8Array {
  if (stop === lastStop) return lastFilter!;
  let filter = stopFilters.get(stop);
  lastStop = stop;
  if (filter) return (lastFilter = filter);
  filter = new Uint8Array(512);
  for (const key of stop.keys()) {
    let hash = 7;
    let latin1 = true;
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k);
      if (c > 255) latin1 = false;
      hash = stepHash(hash, c);
    }
    if (!latin1) continue;
    const bit = stopBit(hash);
    filter[bit >>> 3]! |= 1 << (bit & 7);
  }
  stopFilters.set(stop, filter);
  return (lastFilter = filter);
}
/** Whether text[from, to) lower-cased may be a key of the filter's stop entries (always true above Latin-1). */
function mayBeStop(filter: Uint8Array, text: string, from: number, to: number): boolean {
  let hash = 7;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c > 255) return true;
    hash = stepHash(hash, foldLatin1(c));
  }
  const bit = stopBit(hash);
  return (filter[bit >>> 3]! & (1 << (bit & 7))) !== 0;
}

/** Whether the word ending at `end`, looked up as `entry`, starts a stop entry. */
export function isStop(entry: true | RegExp | undefined, text: string, end: number): boolean {
  return entry === true || (entry !== undefined && at(entry, text, end) > 0);
}

export interface ParsedName {
  start: number;
  end: number;
  /** Capitalised words in order; the last is the surname (or a lone first name). */
  words: string[];
  initials: number;
  /** The surname with the particles right before it, lower case: `van der meer`. */
  surnameKey: string;
  /** Where the next token would start; what follows the name. */
  next: number;
}

function at(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

/** Character checks before each sticky regex: most positions fail on the first character, and cheaply. */
const PARTICLE_FIRST = new CharSet(PARTICLES.flatMap(variants).map((p) => p.charCodeAt(0)));
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215) || (c >= 256 && c <= 383);
const mayBeInitials = (text: string, i: number) =>
  isUpper(text.charCodeAt(i)) && (text.charCodeAt(i + 1) === 46 || text.charCodeAt(i + 2) === 46 || text.charCodeAt(i + 3) === 46);

/** Reads a name starting at `pos` on the same line; undefined when no capitalised word ends it. */
export function readName(text: string, pos: number, o: ReadOptions): ParsedName | undefined {
  // A name opens with a title, an initial or a capitalised word (all start with a capital or a title's first letter)
  // or a particle: at any other character the first token ends the reading, and nothing is read (most role words and
  // labels are followed by a lower-case word).
  const first = text.charCodeAt(pos);
  if (!isUpper(first) && !PARTICLE_FIRST.has(first) && !o.titles?.first.has(first)) return undefined;
  // The chain matches nothing (and the name starts at `pos`) unless `pos` holds a title's first letter.
  let i = o.titles && o.titles.first.has(first) ? Math.max(at(o.titles.regex, text, pos), pos) : pos;
  let start = -1;
  let end = -1;
  let initials = 0;
  let pending = '';
  // The particles before the last word taken: its surname key is made once, at the end.
  let lastPending = '';
  const filter = stopFilter(o.stop);
  // At most four words, kept in variables: an array grown by push would get room for 17.
  let count = 0;
  let w0 = '';
  let w1 = '';
  let w2 = '';
  let last = '';
  // Read on past a line break after the first name (see lineBreakEnd): then the next word must be a listed surname.
  let wrapped = false;
  for (let tokens = 0; tokens < 8; tokens++) {
    const c = text.charCodeAt(i);
    // No initials after a wrapped line: "De Linde\nJ. Verhoeven" is a practice above a doctor, not one name.
    let e = pending === '' && !wrapped && mayBeInitials(text, i) ? at(INITIALS, text, i) : -1;
    // After a word, a company abbreviation among the stop words ends the name: "Albert Heijn B.V. Zwolle".
    if (e > 0 && count > 0 && o.stop.get(text.slice(i, e).trimEnd().toLowerCase()) === true) break;
    if (e > 0) {
      initials++;
      if (start < 0) start = i;
      i = o.paddedInitials ? afterInitials(text, e) : e;
      continue;
    }
    // The call name between the initials and the surname belongs to the name ("L.M. (Linda) Postma"): a listed first
    // name, so that "Bijlage B. (Begroting) Toelichting" stays no name.
    if (c === 40 && initials > 0 && count === 0 && pending === '') {
      e = at(CALL_NAME, text, i);
      if (e > 0 && FIRST_NAMES.has(text.slice(i + 1, text.indexOf(')', i)).toLowerCase())) {
        i = e;
        continue;
      }
    }
    e = PARTICLE_FIRST.has(c) && mayBeParticle(text, i) ? at(PARTICLE, text, i) : -1;
    // A capitalised particle opens a surname ("De Vries"), unless it is a first name ("Ben van Dijk").
    const capital = c < 97;
    if (e > 0 && start < 0 && capital && FIRST_NAMES.has(text.slice(i, e).trim().toLowerCase())) e = -1;
    if (e > 0 && (o.lowerParticleFirst || start >= 0 || capital)) {
      if (start < 0) start = i;
      pending += text.slice(i, e).toLowerCase().replace(/[ \t]+/g, ' ').replace('’', "'");
      i = e;
      continue;
    }
    if (!isUpper(c)) break;
    e = wordEnd(text, i);
    if (e < 0 && o.caps) e = at(CAPS, text, i);
    if (e < 0) break;
    const word = text.slice(i, e);
    // A stop word ends the name (looked up only where the filter allows, or after particles: with them, "den haag"
    // is a stop entry, "haag" is not); so does a repeated word (table columns: "Zwolle Zwolle").
    if (pending !== '' || mayBeStop(filter, text, i, e)) {
      const lower = word.toLowerCase();
      if (isStop(o.stop.get(lower), text, e) || (pending !== '' && o.stop.get(pending + lower) === true)) break;
    }
    if (count > 0 && word === last) break;
    if (wrapped && pending === '' && !SURNAMES.has(word.toLowerCase())) break;
    if (start < 0) start = i;
    if (count === 0) w0 = word;
    else if (count === 1) w1 = word;
    else if (count === 2) w2 = word;
    last = word;
    count++;
    lastPending = pending;
    pending = '';
    end = e;
    i = e;
    let s = blanksEnd(text, i);
    // A first name at a line's end, its particle or surname on the next line ("Remco\nde Jong, is ... uitgevallen"):
    // wrapped text. Only right after a lone first name, and only a listed surname or a particle may follow (see
    // wrapped): a list of words one per line is no name.
    if (s < 0 && count === 1 && initials === 0 && lastPending === '' && FIRST_NAMES.has(word.toLowerCase())) {
      s = lineBreakEnd(text, i);
      wrapped = s >= 0;
    }
    if (s < 0 || count >= 4) break;
    i = s;
  }
  if (end < 0) return undefined;
  const words = count === 1 ? [w0] : count === 2 ? [w0, w1] : count === 3 ? [w0, w1, w2] : [w0, w1, w2, last];
  // The surname with the particles right before it, lower case.
  const surnameKey = lastPending === '' ? last.toLowerCase() : lastPending + last.toLowerCase();
  return { start, end, words, initials, surnameKey, next: end };
}

const PARTICLE_TAIL = new RegExp(`(?:^|[^${UP}${LO}'’])((?:${PARTICLE_ALT})[ \\t])$`);

/**
 * A cheap test before PARTICLE_TAIL: its particle ends in a blank at `pos` - 1, and the particle's last word is
 * then the whole run of letters and apostrophes before that blank (within the 14 characters the regex sees).
 */
const particleTails = [...new Set(PARTICLES.flatMap(variants))].map((p) => p.slice(p.lastIndexOf(' ') + 1));
const isNameChar = (c: number) => isNameLetter(c) || c === 39 || c === 8217;
if (!particleTails.every((t) => t.length > 0 && [...t].every((c) => isNameChar(c.charCodeAt(0))))) {
  throw new Error('rules/names/particles.json: a particle must end in a word of letters and apostrophes');
}
const PARTICLE_TAILS = new Set(particleTails.map((t) => hashRun(t, 0, t.length)));
function mayEndInParticle(text: string, pos: number): boolean {
  const blank = text.charCodeAt(pos - 1);
  if (blank !== 32 && blank !== 9) return false;
  const from = Math.max(0, pos - 14);
  let k = pos - 1;
  while (k > from && isNameChar(text.charCodeAt(k - 1))) k--;
  return k < pos - 1 && PARTICLE_TAILS.has(hashRun(text, k, pos - 1));
}

/** Where a particle chain ("de ", "van der ") right before `pos` starts, or -1. */
export function particleBefore(text: string, pos: number): number {
  if (!mayEndInParticle(text, pos)) return -1;
  const m = PARTICLE_TAIL.exec(text.slice(Math.max(0, pos - 14), pos));
  return m ? pos - m[1]!.length : -1;
}

/** Builds the title-chain regex ("mr. dr. ") from the rule's abbreviations. */
export function titleChain(abbreviations: readonly string[]): TitleChain {
  if (!abbreviations.every((a) => /^[a-z]/i.test(a))) throw new Error('person-name: a title abbreviation must start with a letter');
  // The regex ignores case for ASCII letters only (no Unicode flag): both cases of the first letters.
  const first = new CharSet(abbreviations.flatMap((a) => [a.toLowerCase().charCodeAt(0), a.toUpperCase().charCodeAt(0)]));
  return { regex: new RegExp(`(?:(?:${abbreviations.map(escape).join('|')})\\.?[ \\t]+)*`, 'iy'), first };
}

/** A surname from the list, also as either half of a double name ("jansen-de vries"). */
export function isKnownSurname(name: ParsedName): boolean {
  if (SURNAMES.has(name.surnameKey)) return true;
  const dash = name.surnameKey.indexOf('-');
  return dash > 0 && (SURNAMES.has(name.surnameKey.slice(0, dash)) || SURNAMES.has(name.surnameKey.slice(dash + 1)));
}
