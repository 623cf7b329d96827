import type { Category } from '../../../src/types.ts';
import { loadRule, RuleError } from '../../rules.ts';
import { PorterStemmer, PorterStemmerNl, type Stemmer } from '../../text/natural.ts';

/**
 * Loads rules/special/<category>.json and turns its vocabulary into word-list entries.
 *
 * Word syntax in the rule files:
 * - `diabetes`  stemmed at load time (PorterStemmerNl for `nl`, PorterStemmer for `en`): `diabet*` when the
 *               stem is a prefix of the word, at least MIN_STEM letters, and cuts at most MAX_SUFFIX letters
 *               (an inflection, not a derivation); otherwise the exact word. Words of ≤ 4 letters stay exact.
 * - `zwanger*`  a stem written by hand, taken as is (where the stemmer is too aggressive or too timid).
 * - `=geloof`   exact, never stemmed.
 * - `de verdachte`, `covid-19`: multi-word and hyphenated entries are exact unless they end in `*`.
 * - `VVD`, `=OM` an entry with a capital must match its capitals (`OM` is not `om`, `DENK` is not `denk`).
 * Qualifiers and the terms of qualified groups are never stemmed: compounds there catch too much.
 */
export const SPECIAL_CATEGORY_IDS = [
  'health', 'ethnicity', 'political', 'religion', 'trade-union', 'genetic', 'biometric', 'sexual-orientation',
  'criminal',
] as const satisfies readonly Category[];
export type SpecialCategory = (typeof SPECIAL_CATEGORY_IDS)[number];

const MIN_STEM = 5;
const MAX_SUFFIX = 3;
const STEMMERS: Record<string, Stemmer> = { nl: PorterStemmerNl, en: PorterStemmer };

/**
 * How a vocabulary hit's entry is looked up: hyphens and spaces are one (the vocabulary treats them alike). Asked for
 * every keyword hit; most entries hold no hyphen, and a search costs less than a regex replacement.
 */
export const entryKey = (entry: string): string => (entry.includes('-') ? entry.replace(/-/g, ' ') : entry);

/** One word list, ready for the vocabulary, and which of its entries must keep their capitals. */
export interface Entries {
  readonly words: string[];
  /** entryKey → the capitalised forms the text must show (absent: any case matches). */
  readonly caseSensitive: Map<string, string[]>;
}

export function stemEntry(word: string, stemmer: Stemmer): string {
  const stem = stemmer.stem(word);
  return stem.length >= MIN_STEM && word.startsWith(stem) && word.length - stem.length <= MAX_SUFFIX ? `${stem}*` : word;
}

/** Compiles rule words into entries; `stemmer` undefined means no stemming. */
export function compileWords(raw: readonly string[], stemmer?: Stemmer): Entries {
  const words: string[] = [];
  const caseSensitive = new Map<string, string[]>();
  const anyCase = new Set<string>();
  for (const original of raw) {
    const exact = original.startsWith('=');
    const word = (exact ? original.slice(1) : original).trim();
    const lower = word.toLowerCase();
    if (lower !== word) {
      const key = entryKey(lower);
      caseSensitive.set(key, [...(caseSensitive.get(key) ?? []), entryKey(word.replace(/\*$/, ''))]);
      words.push(lower);
      continue;
    }
    const plain = !exact && stemmer && !/[*\s-]/.test(word) && word.length > 4;
    const entry = plain ? stemEntry(word, stemmer) : word;
    anyCase.add(entryKey(entry));
    words.push(entry);
  }
  for (const key of anyCase) caseSensitive.delete(key);
  return { words: [...new Set(words)], caseSensitive };
}

/** True when the hit's text shows the capitals its entry demands (or the entry ignores case). */
export function caseMatches(entries: Entries, entry: string, matched: string): boolean {
  const forms = entries.caseSensitive.get(entryKey(entry));
  return !forms || showsForm(forms, matched);
}

/** caseMatches for the hit text[start, end), sliced only for an entry that demands capitals (few do). */
export function caseMatchesAt(entries: Entries, entry: string, text: string, start: number, end: number): boolean {
  const forms = entries.caseSensitive.size === 0 ? undefined : entries.caseSensitive.get(entryKey(entry));
  return !forms || showsForm(forms, text.slice(start, end));
}

/**
 * caseMatchesAt for one Entries object, with each entry's capitals looked up once: the keyword hits of a text repeat
 * the same few entries, and most of them ignore case.
 */
export class CaseCheck {
  /** entry → its capitalised forms, or null (any case matches). */
  private readonly forms = new Map<string, readonly string[] | null>();

  constructor(readonly entries: Entries) {}

  /** The capitalised forms the entry demands, or null. */
  formsOf(entry: string): readonly string[] | null {
    let forms = this.forms.get(entry);
    if (forms === undefined) this.forms.set(entry, (forms = this.entries.caseSensitive.get(entryKey(entry)) ?? null));
    return forms;
  }

  matchesAt(entry: string, text: string, start: number, end: number): boolean {
    if (this.entries.caseSensitive.size === 0) return true;
    const forms = this.formsOf(entry);
    if (forms === null) return true;
    // showsForm compares from the first character, which neither the space folding nor entryKey changes when it is
    // printable ASCII other than a hyphen: such a character that starts no form (`om` for `OM`) fails without a slice.
    const first = text.charCodeAt(start);
    if (first > 32 && first < 127 && first !== 45 && !startsSomeForm(forms, first)) return false;
    return showsForm(forms, text.slice(start, end));
  }
}

function startsSomeForm(forms: readonly string[], first: number): boolean {
  for (let i = 0; i < forms.length; i++) if (forms[i]!.length === 0 || forms[i]!.charCodeAt(0) === first) return true;
  return false;
}

export function showsForm(forms: readonly string[], matched: string): boolean {
  const shown = entryKey(matched.replace(/\s+/g, ' '));
  return forms.some((form) => shown.startsWith(form));
}

export interface QualifiedGroup {
  readonly name: string;
  readonly why: string;
  readonly score: number;
  readonly terms: Entries;
  readonly qualifiers: Entries;
  /**
   * Qualifiers (entry keys, a subset of `qualifiers`) that, with a group term in the letterhead, say something about
   * the addressee: a union writing "u bent tien jaar lid" writes to a member. Absent: no such reading.
   */
  readonly letterhead?: ReadonlySet<string>;
  /**
   * Words (lower case) of which one must stand right before a group term: "Hervormde Gemeente" is a congregation,
   * "de gemeente" a municipality. Absent: any word may.
   */
  readonly after?: ReadonlySet<string>;
  /** A group term counts only in the letterhead (the sender), qualified there by a `letterhead` qualifier. */
  readonly letterheadOnly?: boolean;
  /**
   * Two word lists of which one sentence of the text must hold a word each ("rechtsbijstand" with "werkgever"): what
   * makes a sender of a common name ("Bond voor …") write as what the group means (a union). Absent: no such need.
   */
  readonly sentenceWith?: readonly [Entries, Entries];
}

export interface SpecialRule {
  readonly category: SpecialCategory;
  /** Dutch name of the category, as records managers know it (`gezondheid`). */
  readonly label: string;
  readonly description: string;
  readonly ground: string;
  readonly score: number;
  readonly terms: Entries;
  readonly groups: readonly QualifiedGroup[];
  /** False friends: entries that win the longest match over a term and are then ignored. */
  readonly excluded: Entries;
  /** Words that mark a record about an animal (health.json): its terms then have no person as subject. */
  readonly animalPatient?: { readonly ownerFields: Entries; readonly veterinary: Entries };
  /** Words that make a following term an organisation one works at ("werkzaam bij het Diabetesfonds"): no subject's data. */
  readonly workplace?: Entries;
  /** Words (lower case) that software uses for a state ("disabled"): glued into a machine token they are a field, not a person's data. */
  readonly identifierWords?: ReadonlySet<string>;
  readonly examples: { readonly positive: readonly string[]; readonly negative: readonly string[] };
}

function byLanguage(file: string, value: unknown, field: string, stem: boolean): Entries {
  if (typeof value !== 'object' || value === null) throw new RuleError(file, `field "${field}" must be {nl: [...], en: [...]}`);
  const words: string[] = [];
  const merged: Entries = { words, caseSensitive: new Map() };
  for (const [language, list] of Object.entries(value)) {
    if (!STEMMERS[language] || !Array.isArray(list) || !list.every((w) => typeof w === 'string'))
      throw new RuleError(file, `field "${field}.${language}" must be a list of words in nl or en`);
    const compiled = compileWords(list as string[], stem ? STEMMERS[language] : undefined);
    words.push(...compiled.words);
    for (const [key, forms] of compiled.caseSensitive) merged.caseSensitive.set(key, forms);
  }
  return merged;
}

function animalPatient(file: string, value: unknown): SpecialRule['animalPatient'] {
  const v = value as { ownerFields?: unknown; veterinary?: unknown };
  const list = (x: unknown) => Array.isArray(x) && x.length > 0 && x.every((w) => typeof w === 'string');
  if (!list(v.ownerFields) || !list(v.veterinary)) throw new RuleError(file, 'field "animalPatient" needs ownerFields and veterinary word lists');
  return { ownerFields: compileWords(v.ownerFields as string[]), veterinary: compileWords(v.veterinary as string[]) };
}

function workplace(file: string, value: unknown): Entries {
  const leads = (value as { leads?: unknown }).leads;
  if (!Array.isArray(leads) || leads.length === 0 || !leads.every((w) => typeof w === 'string'))
    throw new RuleError(file, 'field "workplace" needs a list "leads"');
  return compileWords(leads as string[]);
}

/** A group's optional `after` list: words, lower case. */
function after(file: string, i: number, value: unknown): { after?: ReadonlySet<string> } {
  if (value === undefined) return {};
  if (!Array.isArray(value) || value.length === 0 || !value.every((w) => typeof w === 'string' && /^\p{L}+$/u.test(w)))
    throw new RuleError(file, `groups[${i}].after must be a list of single words`);
  return { after: new Set((value as string[]).map((w) => w.toLowerCase())) };
}

/** A group's optional `letterheadOnly` flag and `sentenceWith` pair of word lists (not stemmed, as qualifiers). */
function senderNeeds(file: string, i: number, g: Record<string, unknown>): Pick<QualifiedGroup, 'letterheadOnly' | 'sentenceWith'> {
  const only = g.letterheadOnly;
  if (only !== undefined && typeof only !== 'boolean') throw new RuleError(file, `groups[${i}].letterheadOnly must be true or false`);
  const pair = g.sentenceWith;
  const isList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string');
  if (pair !== undefined && !(Array.isArray(pair) && pair.length === 2 && pair.every(isList)))
    throw new RuleError(file, `groups[${i}].sentenceWith must be two lists of words`);
  const lists = pair as [string[], string[]] | undefined;
  return { ...(only ? { letterheadOnly: true } : {}), ...(lists ? { sentenceWith: [compileWords(lists[0]), compileWords(lists[1])] as const } : {}) };
}

/** A group's optional `letterhead` list: qualifiers only (they are found through the qualifier list's hits). */
function letterhead(file: string, i: number, value: unknown, qualifiers: Entries): { letterhead?: ReadonlySet<string> } {
  if (value === undefined) return {};
  if (!Array.isArray(value) || !value.every((w) => typeof w === 'string'))
    throw new RuleError(file, `groups[${i}].letterhead must be a list of words`);
  const keys = new Set(compileWords(value as string[]).words.map(entryKey));
  const known = new Set(qualifiers.words.map(entryKey));
  for (const key of keys) {
    if (!known.has(key)) throw new RuleError(file, `groups[${i}].letterhead: "${key}" is not one of its qualifiers`);
  }
  return { letterhead: keys };
}

export function loadSpecialRule(category: SpecialCategory): SpecialRule {
  const file = `special/${category}.json`;
  return loadRule(file, (raw, f) => {
    if (f.string('category') !== category) throw new RuleError(file, `field "category" must be "${category}"`);
    const groups = Array.isArray(raw.groups) ? (raw.groups as Record<string, unknown>[]) : [];
    const examples = f.object('examples');
    return {
      category,
      label: f.string('label'),
      description: f.string('description'),
      ground: f.string('ground'),
      score: f.number('score', 0, 1),
      terms: byLanguage(file, raw.terms, 'terms', true),
      groups: groups.map((g, i) => {
        if (typeof g.name !== 'string' || typeof g.why !== 'string' || typeof g.score !== 'number' || !Array.isArray(g.qualifiers))
          throw new RuleError(file, `groups[${i}] needs name, why, score, terms and qualifiers`);
        const qualifiers = compileWords(g.qualifiers as string[]);
        return { name: g.name, why: g.why, score: g.score, terms: byLanguage(file, g.terms, `groups[${i}].terms`, false),
          qualifiers, ...letterhead(file, i, g.letterhead, qualifiers), ...after(file, i, g.after),
          ...senderNeeds(file, i, g) };
      }),
      excluded: compileWords(f.optionalStrings('exclude')),
      ...(raw.animalPatient === undefined ? {} : { animalPatient: animalPatient(file, raw.animalPatient) }),
      ...(raw.workplace === undefined ? {} : { workplace: workplace(file, raw.workplace) }),
      ...(raw.identifierWords === undefined ? {} : { identifierWords: new Set(f.strings('identifierWords').map((w) => w.toLowerCase())) }),
      examples: { positive: (examples.positive ?? []) as string[], negative: (examples.negative ?? []) as string[] },
    };
  });
}
