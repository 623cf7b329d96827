/**
 * The person-name rules (rules/detectors/person-name.json) and the signals that start from a cue word of the
 * shared keyword pass: titles, greetings, role words, form fields, t.a.v. and closings.
 */
import type { Occurrence } from '../../detector.ts';
import { loadRule } from '../../rules.ts';
import { evidence, maskWords } from '../../text/mask.ts';
import type { ScannedText } from '../../text/scanned-text.ts';
import { FIRST_NAMES, isKnownSurname, readName, titleChain, type ParsedName, type ReadOptions } from './parse.ts';

const SIGNALS = [
  'title', 'greeting', 'function', 'functionUnknown', 'label', 'labelSingleWord', 'attention', 'initialsKnown', 'initials',
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
  return {
    signals: signals as Record<NameSignal, { score: number; reason: string }>,
    lists: { title: f.strings('titles'), greeting: f.strings('greetings'), function: f.strings('functions'), label: f.strings('labels'), attention: f.strings('attention'), closing: f.strings('closings') },
    titleChain: titleChain(f.strings('titleAbbreviations')),
    stop: new Set([...lower('nonNames'), ...lower('companyWords')]),
    company: new RegExp(`[ \\t]*(?:${lower('companyWords').map((w) => w.replace(/[.*+?^${}()|[\]\\/&]/g, '\\$&')).join('|')})(?![a-z])`, 'iy'),
    /** A word ending in a street suffix, longer than the suffix: "Galenstraat", not "Dijk". */
    street: new RegExp(`(?:${lower('streetSuffixes').join('|')})$`, 'i'),
    ambiguous: new Set(lower('ambiguousFirstNames')),
  };
});

export const LIST = (cue: keyof typeof RULES.lists) => `person-name.${cue}`;
export const STOP = RULES.stop;
const CUE_READ: ReadOptions = { titles: RULES.titleChain, caps: true, lowerParticleFirst: true, stop: STOP };
const ROLE_READ: ReadOptions = { stop: STOP };

/** A person's name found in the text, with the signal that found it. */
export interface PersonName extends Occurrence {
  signal: NameSignal;
}

function isStreet(name: ParsedName): boolean {
  const m = RULES.street.exec(name.words[name.words.length - 1]!);
  return m !== null && m.index > 0;
}

/** Reasons are the same for every name a signal finds after the same cue: built once. */
const reasons = new Map<NameSignal, Map<string, string>>();
function reasonFor(signal: NameSignal, cue: string | undefined): string {
  let byCue = reasons.get(signal);
  if (!byCue) reasons.set(signal, (byCue = new Map()));
  let reason = byCue.get(cue ?? '');
  if (reason === undefined) {
    const rule = RULES.signals[signal];
    reason = `${rule.reason}${cue ? ` — cue "${cue}"` : ''} (score ${rule.score})`;
    byCue.set(cue ?? '', reason);
  }
  return reason;
}

/** One text being searched, with its masked names: a letter names the same person several times. */
export interface NameContext {
  text: string;
  masks: Map<string, string>;
}

/** The occurrence for a parsed name, or undefined for a street. */
export function build(ctx: NameContext, name: ParsedName, signal: NameSignal, cue?: string): PersonName | undefined {
  if (isStreet(name)) return undefined;
  const { text } = ctx;
  if (companyAfter(text, name.end)) signal = 'companyName';
  const raw = text.slice(name.start, name.end);
  const label = cue?.trim();
  let masked = ctx.masks.get(raw);
  if (masked === undefined) ctx.masks.set(raw, (masked = maskWords(raw)));
  return {
    start: name.start,
    end: name.end,
    confidence: RULES.signals[signal].score,
    evidence: evidence(masked, label),
    reason: reasonFor(signal, label),
    value: /[\t\n]| {2}/.test(raw) ? raw.toLowerCase().replace(/\s+/g, ' ') : raw.toLowerCase(),
    signal,
  };
}

/** One more capitalised word of a company name: " Nederland" in "Kantoorgemak Nederland B.V.". */
const CAPITALISED_WORD = /[ \t]+[A-Z][a-zà-ÿ&'-]+(?=[ \t])/y;

/** A company word right after the name, or after one or two more capitalised words of the same name. */
function companyAfter(text: string, end: number): boolean {
  let pos = end;
  for (let words = 0; ; words++) {
    RULES.company.lastIndex = pos;
    if (RULES.company.test(text)) return true;
    CAPITALISED_WORD.lastIndex = pos;
    if (words === 2 || !CAPITALISED_WORD.test(text)) return false;
    pos = CAPITALISED_WORD.lastIndex;
  }
}

export const known = (name: ParsedName) => isKnownSurname(name) || name.words.some((w) => FIRST_NAMES.has(w.toLowerCase()));
/** Only spaces between the line start and `pos` (walks back over the spaces only: texts can be one long line). */
function lineStart(text: string, pos: number): boolean {
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

/** Names after cue words of the shared keyword pass: titles, greetings, role words, form fields, t.a.v., closings. */
export function cueNames(scanned: ScannedText, ctx: NameContext, out: (PersonName | undefined)[]): void {
  const text = scanned.text;
  for (const hit of scanned.hits(LIST('title'))) {
    const pos = text.charCodeAt(hit.end) === 46 ? hit.end + 1 : hit.end; // "dhr" written "dhr."
    if (!isBlank(text.charCodeAt(pos)) || placeName(text, hit.start)) continue;
    const name = readName(text, skipBlanks(text, pos), CUE_READ);
    if (name) out.push(build(ctx, name, 'title', text.slice(hit.start, pos)));
  }
  for (const hit of scanned.hits(LIST('greeting'))) {
    if (!isBlank(text.charCodeAt(hit.end)) || !lineStart(text, hit.start)) continue;
    const name = readName(text, skipBlanks(text, hit.end), CUE_READ);
    if (name) out.push(build(ctx, name, 'greeting', text.slice(hit.start, hit.end)));
  }
  for (const hit of scanned.hits(LIST('function'))) {
    if (!isBlank(text.charCodeAt(hit.end))) continue;
    const name = readName(text, skipBlanks(text, hit.end), ROLE_READ);
    if (!name) continue;
    // A particle marks a surname: "burgemeester Van Zanen" (a department has none: "directeur Financiën").
    const surname = known(name) || name.surnameKey.includes(' ');
    out.push(build(ctx, name, surname ? 'function' : 'functionUnknown', text.slice(hit.start, hit.end)));
  }
  for (const hit of scanned.hits(LIST('label'))) {
    const withColon = text.charCodeAt(hit.end - 1) === 58; // entries like "van:" carry their colon
    const pos = withColon ? skipBlanks(text, hit.end) : afterColon(text, hit.end);
    const name = pos < 0 ? undefined : readName(text, pos, CUE_READ);
    if (!name) continue;
    const several = name.words.length + name.initials >= 2 || known(name);
    out.push(build(ctx, name, several ? 'label' : 'labelSingleWord', text.slice(hit.start, withColon ? hit.end - 1 : hit.end)));
  }
  for (const hit of scanned.hits(LIST('attention'))) {
    const colon = afterColon(text, hit.end);
    const pos = colon < 0 ? skipBlanks(text, hit.end) : colon;
    const name = pos > hit.end ? readName(text, pos, CUE_READ) : undefined;
    if (name) out.push(build(ctx, name, 'attention', text.slice(hit.start, hit.end)));
  }
  for (const hit of scanned.hits(LIST('closing'))) signature(ctx, hit.start, hit.end, out);
}

/**
 * A capitalised title in the middle of a sentence, after a word that is not "de" or a salutation, is part of a
 * proper name, not a salutation: "tussen Heer Oudelands Ambacht en het centrum", "de Mevrouw Dijkstrastraat".
 */
const TITLE_BEFORE = /(?:^|[\s(])(?:de|geachte|beste|lieve|aan|dear|to|cc|en|of|met|door|voor|van|t\.a\.v\.|tav)[ \t]+$/i;
function placeName(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return false; // a lower-case "heer" is only ever a salutation
  const before = text.slice(Math.max(0, start - 24), start);
  if (/(?:^|[\n.:;!?]\s*)$/.test(before) || /^\s*$/.test(before)) return false; // at a line or sentence start
  return /[a-zà-ÿ][ \t]+$/.test(before) && !TITLE_BEFORE.test(before);
}

const LINE = 120;

/** A closing at the start of a line, then (on the same line or one of the next three) a line that is only a name. */
function signature(ctx: NameContext, start: number, end: number, out: (PersonName | undefined)[]): void {
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
      const single = name.words.length === 1 && name.initials === 0;
      const signal = !single || isKnownSurname(name) ? 'signature' : FIRST_NAMES.has(name.words[0]!.toLowerCase()) ? 'signatureFirstName' : 'signatureWord';
      out.push(build(ctx, name, signal, text.slice(start, end)));
      return;
    }
    pos = lineEnd + 1;
  }
}

