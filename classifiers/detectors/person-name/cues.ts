/**
 * The person-name rules (rules/detectors/person-name.json) and the signals that start from a cue word of the
 * shared keyword pass: titles, greetings, role words, form fields, t.a.v. and closings.
 */
import type { Occurrence } from '../../detector.ts';
import { loadRule } from '../../rules.ts';
import { evidence } from '../../text/mask.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { maskName } from './mask.ts';
import { CharSet, FIRST_NAMES, isKnownSurname, readName, stopWords, titleChain, type ParsedName, type ReadOptions } from './parse.ts';

const SIGNALS = [
  'title', 'greeting', 'function', 'functionUnknown', 'label', 'labelSingleWord', 'labelOrganisation', 'column', 'columnSingleWord', 'attention', 'initialsKnown', 'initials',
  'firstNameKnownSurname', 'firstNameUnknownSurname', 'firstNameAlone', 'surnameAlone', 'particleSurnameAlone',
  'signature', 'signatureFirstName', 'signatureWord', 'companyName',
] as const;
export type NameSignal = (typeof SIGNALS)[number];

export const RULES = loadRule('detectors/person-name.json', (_, f) => {
  const signals = f.object('signals') as Record<string, { score?: unknown; reason?: unknown }>;
  for (const s of SIGNALS) {
    const v = signals[s];
    if (typeof v?.score !== 'number' || typeof v.reason !== 'string') throw new Error(`rules/detectors/person-name.json: signal "${s}" needs a score and a reason`);
  }
  const lower = (key: string) => f.strings(key).map((w) => w.toLowerCase());
  const streetSuffixes = lower('streetSuffixes');
  if (!streetSuffixes.every((w) => /^[a-z]+$/.test(w))) throw new Error('rules/detectors/person-name.json: streetSuffixes must be plain letters');
  // The company pre-test (mayStartCompany) looks at a word's first character: it must not be blank.
  if (!lower('companyWords').every((w) => /^[^ \t]/.test(w))) throw new Error('rules/detectors/person-name.json: companyWords must not start blank');
  const institutionWords = lower('institutionWords');
  if (!institutionWords.every((w) => /^[a-z]+$/.test(w))) throw new Error('rules/detectors/person-name.json: institutionWords must be plain letters');
  const organisationWords = lower('organisationWords');
  if (!organisationWords.every((w) => /^[a-z]+$/.test(w))) throw new Error('rules/detectors/person-name.json: organisationWords must be plain letters');
  const abbreviations = lower('organisationAbbreviations');
  if (!abbreviations.every((w) => /^(?:[a-z]\.)+$/.test(w))) throw new Error('rules/detectors/person-name.json: organisationAbbreviations must be letters with dots (v.v.)');
  return {
    signals: signals as Record<NameSignal, { score: number; reason: string }>,
    lists: { title: f.strings('titles'), greeting: f.strings('greetings'), function: f.strings('functions'), label: f.strings('labels'), attention: f.strings('attention'), closing: f.strings('closings') },
    /** Form fields that name a sender or addressee, which is often an organisation ("Aan: Woonstede Fictief"). */
    partyFields: new Set(lower('partyFields')),
    titleChain: titleChain(f.strings('titleAbbreviations')),
    stop: stopWords([...lower('nonNames'), ...lower('companyWords')]),
    // Not a form's next label ("Naam: Jan Jansen  Groep: 5"): a company word before a colon names a field.
    company: new RegExp(`[ \\t]*(?:${lower('companyWords').map((w) => w.replace(/[.*+?^${}()|[\]\\/&]/g, '\\$&')).join('|')})(?![a-z])(?![ \\t]*:)`, 'iy'),
    /** Street suffixes, lower case ASCII letters: see isStreet. */
    streetSuffixes,
    /** First characters of the company words (ASCII letters in both cases): most names are followed by none. */
    companyFirst: new CharSet(lower('companyWords').flatMap((w) => [w.charCodeAt(0), w.toUpperCase().charCodeAt(0)])),
    ambiguous: new Set(lower('ambiguousFirstNames')),
    /** Month abbreviations: a first name among them after a day number is a date (see afterDayNumber). */
    months: new Set(lower('monthAbbreviations')),
    /** Words that make the name right before them an institution's: see institutionAfter. */
    institution: new Set(institutionWords),
    /** Words that make the name right after them an organisation's: see organisationBefore. */
    organisation: new Set(organisationWords),
    /** Club and company abbreviations shaped like initials (v.v., b.v.): see abbreviationOpens. */
    abbreviations: new Set(abbreviations),
  };
});

/**
 * Company names shaped like a person's name (rules/names/company-names.json: "albert heijn"), by each of their words:
 * a name found is looked up by its first word, so "Bakker" read alone in "Leen Bakker" is found too.
 */
const COMPANY_NAMES: ReadonlyMap<string, readonly string[]> = loadRule('names/company-names.json', (_, f) => {
  const byWord = new Map<string, string[]>();
  for (const name of f.strings('names')) {
    const words = name.toLowerCase().trim().split(/\s+/);
    if (words.length < 2) throw new Error('rules/names/company-names.json: a name needs at least two words');
    for (const word of new Set(words)) byWord.set(word, [...(byWord.get(word) ?? []), words.join(' ')]);
  }
  return byWord;
});
/** How far before a name to look for the start of a company name it is part of ("dirk van den " before "Broek"). */
const COMPANY_NAME_BEFORE = 40;

/**
 * The name is (part of) a company name shaped like a person's: "Albert Heijn", "Albert Heijn Zaandam", "Bakker" in
 * "Leen Bakker". The company name must cover the name's first word and end where a word ends; compared word by word,
 * whatever the blanks between.
 */
function isCompanyName(text: string, name: ParsedName): boolean {
  let first = name.start;
  while (first < name.end && !isBlank(text.charCodeAt(first)) && text.charCodeAt(first) !== 10) first++;
  const candidates = COMPANY_NAMES.get(text.slice(name.start, first).toLowerCase());
  if (!candidates) return false; // most names: one lookup
  const words = (from: number, to: number) => text.slice(from, to).toLowerCase().split(/\s+/).join(' ');
  const before = words(Math.max(0, name.start - COMPANY_NAME_BEFORE), name.start).trimEnd();
  const joined = `${before} ${words(name.start, name.end)} `;
  const at = before.length + 1; // where the name starts in `joined`
  return candidates.some((c) => {
    // Every start from which the company name covers the name's first letter, at a word's start and end.
    for (let i = Math.max(0, at - c.length + 1); i <= at; i++) {
      if (joined.startsWith(c, i) && (i === 0 || joined[i - 1] === ' ') && joined[i + c.length] === ' ') return true;
    }
    return false;
  });
}

/** Signals that address a person, whatever their name: "Geachte heer Albert Heijn" is a person called so. */
const ADDRESSED: ReadonlySet<NameSignal> = new Set<NameSignal>(['title', 'greeting']);

/**
 * Department and function words: the local parts of role mailboxes (rules/detectors/email.json: verkoop@, inkoop@,
 * klantenservice@), which name the same departments when they sign a letter ("Binnendienst Verkoop").
 */
const DEPARTMENTS: ReadonlySet<string> = loadRule('detectors/email.json', (_, f) => new Set(f.strings('roleLocalParts').map((w) => w.toLowerCase())));

export const LIST = (cue: keyof typeof RULES.lists) => `person-name.${cue}`;
/** The list ids, made once: a Map lookup with a new string would hash it every time. */
const TITLES = LIST('title');
const GREETINGS = LIST('greeting');
const FUNCTIONS = LIST('function');
const LABELS = LIST('label');
const ATTENTION = LIST('attention');
const CLOSINGS = LIST('closing');
export const STOP = RULES.stop;
const CUE_READ: ReadOptions = { titles: RULES.titleChain, caps: true, lowerParticleFirst: true, paddedInitials: true, stop: STOP };
const ROLE_READ: ReadOptions = { stop: STOP };

/** A person's name found in the text, with the signal that found it. */
export interface PersonName extends Occurrence {
  signal: NameSignal;
}

/** The street suffixes by their last letter (lower-case ASCII), so a word is compared with the few that could end it. */
const SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const suffix of RULES.streetSuffixes) {
  const last = suffix.charCodeAt(suffix.length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), suffix]);
}

/** `word` ends in `suffix` (lower-case ASCII), ignoring the case of ASCII letters only. */
function endsWithSuffix(word: string, suffix: string): boolean {
  const offset = word.length - suffix.length;
  if (offset < 0) return false;
  for (let k = 0; k < suffix.length; k++) {
    const c = word.charCodeAt(offset + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== suffix.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A last word ending in a street suffix, longer than the suffix: "Galenstraat", not "Dijk". (What the regex
 * /(?:suffixes)$/i with a match index above 0 said: the leftmost match is the longest suffix, so a word that
 * is itself a suffix is never a street. The regex ignores case for ASCII letters only, as endsWithSuffix.)
 */
function isStreet(name: ParsedName): boolean {
  const word = name.words[name.words.length - 1]!;
  const c = word.charCodeAt(word.length - 1);
  const suffixes = SUFFIXES_BY_LAST.get(c >= 65 && c <= 90 ? c + 32 : c);
  if (suffixes === undefined) return false;
  let found = false;
  for (const suffix of suffixes) {
    if (!endsWithSuffix(word, suffix)) continue;
    if (suffix.length === word.length) return false;
    found = true;
  }
  return found;
}

/** Reasons are the same for every name a signal finds after the same cue: built once. */
const reasons = Object.fromEntries(SIGNALS.map((s) => [s, new Map<string, string>()])) as Record<NameSignal, Map<string, string>>;
function reasonFor(signal: NameSignal, cue: string | undefined): string {
  const byCue = reasons[signal];
  let reason = byCue.get(cue ?? '');
  if (reason === undefined) {
    const rule = RULES.signals[signal];
    reason = `${rule.reason}${cue ? ` — cue "${cue}"` : ''} (score ${rule.score})`;
    byCue.set(cue ?? '', reason);
  }
  return reason;
}

/**
 * One text being searched. (Masked names are not cached per text: nine in ten names of a text are distinct, and a
 * Map per text cost more than masking the few repeats again.)
 */
export interface NameContext {
  text: string;
}

/**
 * A name found, before its evidence is written: overlapping finds are merged first (detector.ts), and the
 * losers never need their masked evidence, reason and value.
 */
export interface NameFind {
  start: number;
  end: number;
  confidence: number;
  signal: NameSignal;
  /** The cue word's span in the text (its trimmed text labels the evidence), or -1 without a cue. */
  cueStart: number;
  cueEnd: number;
}

/** The find for a parsed name, or undefined for a street. */
export function build(ctx: NameContext, name: ParsedName, signal: NameSignal, cueStart = -1, cueEnd = -1): NameFind | undefined {
  if (isStreet(name)) return undefined;
  if (companyAfter(ctx.text, name.end) || institutionAfter(ctx.text, name.end)) signal = 'companyName';
  else if (!ADDRESSED.has(signal) && isCompanyName(ctx.text, name)) signal = 'companyName';
  // Only names found without a cue: "Naam: Stichting J. Jansen" is no pattern, "Parochie H. Franciscus" is.
  else if (cueStart < 0 && (organisationBefore(ctx.text, name.start) || abbreviationOpens(ctx.text, name))) signal = 'companyName';
  return { start: name.start, end: name.end, confidence: RULES.signals[signal].score, signal, cueStart, cueEnd };
}

/** The occurrence for a find that survived the merge. */
export function materialize(ctx: NameContext, found: NameFind): PersonName {
  const { text } = ctx;
  const { signal } = found;
  const raw = text.slice(found.start, found.end);
  const label = found.cueStart < 0 ? undefined : text.slice(found.cueStart, found.cueEnd).trim();
  const loose = hasLooseSpace(raw);
  // A name wrapped over two lines (see readName) is shown on one: evidence is one line.
  const masked = maskName(loose && raw.indexOf('\n') >= 0 ? raw.replace(/\s+/g, ' ') : raw);
  return {
    start: found.start,
    end: found.end,
    confidence: found.confidence,
    evidence: evidence(masked, label),
    reason: reasonFor(signal, label),
    value: loose ? raw.toLowerCase().replace(/\s+/g, ' ') : raw.toLowerCase(),
    signal,
  };
}

/** A tab, a line break or two spaces in a row (what /[\t\n]| {2}/ tests): the value's white space is then normalised. */
function hasLooseSpace(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 9 || c === 10 || (c === 32 && raw.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

/** One more capitalised word of a company name: " Nederland" in "Kantoorgemak Nederland B.V.". */
const CAPITALISED_WORD = /[ \t]+[A-Z][a-zà-ÿ&'-]+(?=[ \t])/y;

/**
 * The company regex skips blanks, then needs a company word: only where the next character starts one (the
 * regex ignores case for ASCII letters only, so both cases of the first letters are in the set).
 */
function mayStartCompany(text: string, pos: number): boolean {
  return RULES.companyFirst.has(text.charCodeAt(skipBlanks(text, pos)));
}

/** CAPITALISED_WORD needs blanks, then a capital A-Z: most names are followed by neither. */
function mayBeCapitalisedWord(text: string, pos: number): boolean {
  const at = skipBlanks(text, pos);
  const c = text.charCodeAt(at);
  return at > pos && c >= 65 && c <= 90;
}

/** A company word right after the name, or after one or two more capitalised words of the same name. */
function companyAfter(text: string, end: number): boolean {
  let pos = end;
  for (let words = 0; ; words++) {
    if (mayStartCompany(text, pos)) {
      RULES.company.lastIndex = pos;
      if (RULES.company.test(text)) return true;
    }
    if (words === 2 || !mayBeCapitalisedWord(text, pos)) return false;
    CAPITALISED_WORD.lastIndex = pos;
    if (!CAPITALISED_WORD.test(text)) return false;
    pos = CAPITALISED_WORD.lastIndex;
  }
}

/**
 * The capitalised word one space after the name is an institution word: the name is an institution's named after a
 * person ("Jeroen Bosch Ziekenhuis"). One space only (a wider gap is a table's next column), and no colon after the
 * word (a form's next field: "Naam: Jan Jansen School: De Regenboog").
 */
function institutionAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end + 1);
  if (text.charCodeAt(end) !== 32 || c < 65 || c > 90) return false;
  let e = end + 2;
  while (isLowerAscii(text.charCodeAt(e))) e++;
  const next = text.charCodeAt(e);
  const wordEnds = !isLowerAscii(next) && !(next >= 0xc0 && next <= 0x24f); // not "Schoolé"
  return wordEnds && next !== 58 && RULES.institution.has(text.slice(end + 1, e).toLowerCase());
}

/**
 * The word one space before the name is an organisation word: the name is part of the organisation's name
 * ("Parochie H. Franciscus", "Basisschool Jan Ligthart"). One space only: a wider gap is a table's next column. The
 * word is capitalised, or lower case before a saint's "H." (heilige): "parochie H. Bonifatius" is as much a parish's
 * name, while "de stichting Jan Jansen" may be a person's.
 */
function organisationBefore(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32) return false;
  let s = start - 1;
  while (s > 0 && isLowerAscii(text.charCodeAt(s - 1))) s--;
  const c = text.charCodeAt(s - 1);
  if (s === start - 1) return false;
  if (c >= 65 && c <= 90) s--;
  else if (!saintInitial(text, start)) return false;
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  const wordStarts = !isLowerAscii(before) && !(before >= 65 && before <= 90) && !(before >= 0xc0 && before <= 0x24f);
  return wordStarts && RULES.organisation.has(text.slice(s, start - 1).toLowerCase());
}

/** The name opens with the single initial "H." (heilige) and a word: "H. Bonifatius", not "H.J. Bakker". */
const saintInitial = (text: string, start: number) =>
  text.charCodeAt(start) === 72 && text.charCodeAt(start + 1) === 46 && text.charCodeAt(start + 2) === 32 && text.charCodeAt(start + 4) !== 46;

/**
 * The name's initials are a club or company abbreviation written as one run ("V.V. Oostermaat", "B.V. Zwolle") before
 * a capitalised word: an organisation's name. Not before a lower-case particle ("S.V. de Jong" is a person) or more
 * initials ("B.V. J. Jansen").
 */
function abbreviationOpens(text: string, name: ParsedName): boolean {
  if (name.initials === 0) return false;
  let e = name.start;
  for (let c = text.charCodeAt(e); c === 46 || (c >= 65 && c <= 90) || isLowerAscii(c); c = text.charCodeAt(++e));
  if (!isBlank(text.charCodeAt(e)) || !RULES.abbreviations.has(text.slice(name.start, e).toLowerCase())) return false;
  const w = skipBlanks(text, e);
  const c = text.charCodeAt(w);
  return c >= 65 && c <= 90 && text.charCodeAt(w + 1) !== 46;
}

/** A known surname, or any word a known first name (a loop: no closure per name). */
export function known(name: ParsedName): boolean {
  if (isKnownSurname(name)) return true;
  for (let k = 0; k < name.words.length; k++) if (FIRST_NAMES.has(name.words[k]!.toLowerCase())) return true;
  return false;
}
/** Only spaces between the line start and `pos` (walks back over the spaces only: texts can be one long line). */
export function lineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

const isBlank = (c: number) => c === 32 || c === 9;
function skipBlanks(text: string, pos: number): number {
  while (isBlank(text.charCodeAt(pos))) pos++;
  return pos;
}
/** The position after `[ \t]*:[ \t]*`, or -1 when no colon follows (a form field has one). */
function afterColon(text: string, pos: number): number {
  const at = skipBlanks(text, pos);
  return text.charCodeAt(at) === 58 ? skipBlanks(text, at + 1) : -1;
}

const isLowerAscii = (c: number) => c >= 97 && c <= 122;
/**
 * A field value that is itself the next field's label: "Invoice to:   Deliver to:", "Naam:  Datum:", "Bill to:   Invoice
 * no.:". One word followed by a colon, directly or after one lower-case word ("to", "op", "van", "no.") on the same line;
 * or words ending in an abbreviation's dot and a colon ("Invoice No.:"), which no name does. Not more words before a
 * plain colon: "Naam: Kwakernaat Datum:" is a name before the next label. A word from the name lists stays a name
 * ("Naam: Jansen geboren: 1-2-1980" on one line).
 */
function nextLabel(text: string, name: ParsedName): boolean {
  if (name.initials > 0) return false;
  const single = name.words.length === 1;
  let i = name.end;
  if (single && text.charCodeAt(i) === 32 && isLowerAscii(text.charCodeAt(i + 1))) {
    i++;
    while (isLowerAscii(text.charCodeAt(i))) i++;
  }
  const dot = text.charCodeAt(i) === 46;
  return (single || dot) && text.charCodeAt(dot ? i + 1 : i) === 58 && !known(name);
}

/**
 * Names after cue words of the shared keyword pass: titles, greetings, role words, form fields, t.a.v., closings.
 * Indexed loops, not for-of: `hits` returns a frozen empty array for a list without hits, and an iterator over
 * arrays of two kinds allocates a result object per step.
 */
export function cueNames(scanned: ScannedText, ctx: NameContext, out: (NameFind | undefined)[]): void {
  const text = scanned.text;
  const titles = scanned.hits(TITLES);
  for (let k = 0; k < titles.length; k++) {
    const hit = titles[k]!;
    const pos = text.charCodeAt(hit.end) === 46 ? hit.end + 1 : hit.end; // "dhr" written "dhr."
    if (!isBlank(text.charCodeAt(pos)) || placeName(text, hit.start) || columnHeader(text, hit.start, pos)) continue;
    const name = readName(text, skipBlanks(text, pos), CUE_READ);
    if (name) out.push(build(ctx, name, 'title', hit.start, pos));
  }
  const greetings = scanned.hits(GREETINGS);
  for (let k = 0; k < greetings.length; k++) {
    const hit = greetings[k]!;
    if (!isBlank(text.charCodeAt(hit.end)) || !lineStart(text, hit.start)) continue;
    const name = readName(text, skipBlanks(text, hit.end), CUE_READ);
    if (name) out.push(build(ctx, name, 'greeting', hit.start, hit.end));
  }
  const functions = scanned.hits(FUNCTIONS);
  for (let k = 0; k < functions.length; k++) {
    const hit = functions[k]!;
    if (!isBlank(text.charCodeAt(hit.end))) continue;
    const name = readName(text, skipBlanks(text, hit.end), ROLE_READ);
    if (!name) continue;
    // A particle marks a surname: "burgemeester Van Zanen" (a department has none: "directeur Financiën").
    const surname = known(name) || name.surnameKey.includes(' ');
    out.push(build(ctx, name, surname ? 'function' : 'functionUnknown', hit.start, hit.end));
  }
  const labels = scanned.hits(LABELS);
  for (let k = 0; k < labels.length; k++) {
    const hit = labels[k]!;
    const withColon = text.charCodeAt(hit.end - 1) === 58; // entries like "van:" carry their colon
    const pos = withColon ? skipBlanks(text, hit.end) : afterColon(text, hit.end);
    const name = pos < 0 ? undefined : readName(text, pos, CUE_READ);
    if (!name || nextLabel(text, name)) continue;
    const isKnown = known(name);
    const several = name.words.length + name.initials >= 2 || isKnown;
    // A sender or addressee field holds an organisation as often as a person: without initials or a word from the
    // name lists, its capitalised words are weak evidence. So is one such word that names a department, as a role
    // mailbox's display name does ("From: Procurement <procurement@…>").
    const department = name.words.some((w) => DEPARTMENTS.has(w.toLowerCase()));
    const organisation = (several || department) && !isKnown && name.initials === 0 && RULES.partyFields.has(hit.entry.toLowerCase());
    out.push(build(ctx, name, organisation ? 'labelOrganisation' : several ? 'label' : 'labelSingleWord', hit.start, withColon ? hit.end - 1 : hit.end));
  }
  const attention = scanned.hits(ATTENTION);
  for (let k = 0; k < attention.length; k++) {
    const hit = attention[k]!;
    const colon = afterColon(text, hit.end);
    const pos = colon < 0 ? skipBlanks(text, hit.end) : colon;
    const name = pos > hit.end ? readName(text, pos, CUE_READ) : undefined;
    if (!name) continue;
    // "t.a.v. Crediteurenadministratie", "Attn. Accounts Payable": capitalised words outside the name lists, without
    // initials, name a department as often as a person; weak, as an organisation in an addressee field (a title
    // before the name is a cue of its own: "Attn. Mr. Peters").
    const department = name.initials === 0 && !known(name);
    out.push(build(ctx, name, department ? 'labelOrganisation' : 'attention', hit.start, hit.end));
  }
  const closings = scanned.hits(CLOSINGS);
  for (let k = 0; k < closings.length; k++) signature(ctx, closings[k]!.start, closings[k]!.end, out);
}

/**
 * A capitalised title in the middle of a sentence, after a word that is not "de" or a salutation, is part of a
 * proper name, not a salutation: "tussen Heer Oudelands Ambacht en het centrum", "de Mevrouw Dijkstrastraat".
 */
const TITLE_BEFORE = /(?:^|[\s(])(?:de|geachte|beste|lieve|aan|dear|to|cc|en|of|met|door|voor|van|t\.a\.v\.|tav)[ \t]+$/i;
function placeName(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return false; // a lower-case "heer" is only ever a salutation
  // Character walks over the 24 characters before the title, then TITLE_BEFORE on their slice only when needed.
  const from = Math.max(0, start - 24);
  // At a line or sentence start (/(?:^|[\n.:;!?]\s*)$/ or /^\s*$/ on those characters).
  let i = start;
  while (i > from && isWhiteSpace(text.charCodeAt(i - 1))) {
    if (text.charCodeAt(i - 1) === 10) return false;
    i--;
  }
  if (i === from) return false;
  const p = text.charCodeAt(i - 1);
  if (p === 46 || p === 58 || p === 59 || p === 33 || p === 63) return false;
  // After a lower-case letter and blanks (/[a-zà-ÿ][ \t]+$/).
  let j = start;
  while (j > from && isBlank(text.charCodeAt(j - 1))) j--;
  if (j === start || j === from) return false;
  const l = text.charCodeAt(j - 1);
  if (!((l >= 97 && l <= 122) || (l >= 0xe0 && l <= 0xff))) return false;
  return !TITLE_BEFORE.test(text.slice(from, start));
}

/**
 * A title one space after a word and a column gap (a tab, or two blanks or more) before the next word (no initial), on a
 * line with another column gap, ends a table's header cell: "Afdeling    Aantal mw   Verzuim%" (mw = medewerkers). A
 * scan spaced out all along has the wide gap before the title too ("en  mevrouw  Esperanza") or initials after it
 * ("Re: mw.  Y.  van  Erp"), a title opening its cell ("Mw\tJansen") has no word before it, and a letter's typo
 * ("Geachte heer  Jansen,") no second gap. `pos`: after the title and its dot. (Exported for the special categories' own
 * salutation cue: document-subject.ts.)
 */
export function columnHeader(text: string, start: number, pos: number): boolean {
  const after = skipBlanks(text, pos);
  if ((after - pos < 2 && text.charCodeAt(pos) !== 9) || start < 2) return false;
  if (text.charCodeAt(start - 1) !== 32 || !isLetterCode(text.charCodeAt(start - 2)) || text.charCodeAt(after + 1) === 46) return false;
  return columnGap(text, start - 1, -1) || columnGap(text, after, 1);
}

const isLetterCode = (c: number) => (c >= 65 && c <= 90) || isLowerAscii(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** A tab or two blanks in a row within LINE characters from `pos` towards `step` (-1 back, 1 on), on the same line. */
function columnGap(text: string, pos: number, step: 1 | -1): boolean {
  for (let i = pos, n = 0; n < LINE && i >= 0 && i < text.length; i += step, n++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c === 9 || (c === 32 && text.charCodeAt(i + step) === 32)) return true;
  }
  return false;
}

/** What \s matches in a JavaScript regex. */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const LINE = 120;

/** A closing at the start of a line, then (on the same line or one of the next three) a line that is only a name. */
function signature(ctx: NameContext, start: number, end: number, out: (NameFind | undefined)[]): void {
  const { text } = ctx;
  if (!lineStart(text, start)) return;
  let pos = end + (/^[ \t,.!:]*/.exec(text.slice(end, end + 8))![0].length);
  for (let lines = 0; lines < 4 && pos < text.length; lines++) {
    const nl = text.slice(pos, pos + LINE).indexOf('\n');
    if (nl < 0 && pos + LINE < text.length) return; // a signature line is short
    const lineEnd = nl < 0 ? text.length : pos + nl;
    const line = text.slice(pos, lineEnd);
    if (line.trim() !== '') {
      const from = pos + (line.length - line.trimStart().length);
      const name = readName(text, from, CUE_READ);
      if (!name || text.slice(name.end, lineEnd).replace(/[ \t,.]+/g, '') !== '') return;
      // "Binnendienst Verkoop", "Klantenservice": a department signs, not a person. Initials or a word from the name
      // lists keep the name ("Jan Post").
      if (name.initials === 0 && !known(name) && name.words.some((w) => DEPARTMENTS.has(w.toLowerCase()))) return;
      const single = name.words.length === 1 && name.initials === 0;
      const signal = !single || isKnownSurname(name) ? 'signature' : FIRST_NAMES.has(name.words[0]!.toLowerCase()) ? 'signatureFirstName' : 'signatureWord';
      out.push(build(ctx, name, signal, start, end));
      return;
    }
    pos = lineEnd + 1;
  }
}

