/**
 * The person-name rules (rules/detectors/person-name.json) and the signals that start from a cue word of the
 * shared keyword pass: titles, greetings, role words, form fields, t.a.v. and closings.
 */
import type { Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskWords } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { FIRST_NAMES, isKnownSurname, readName, titleChain, type ParsedName, type ReadOptions } from './person-name-parse.ts';

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
    streets: lower('streetSuffixes'),
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
  const last = name.words[name.words.length - 1]!.toLowerCase();
  return RULES.streets.some((s) => last.length > s.length && last.endsWith(s));
}

const reasons = new Map<string, string>();
function reasonFor(signal: NameSignal, cue: string | undefined): string {
  const key = `${signal}|${cue ?? ''}`;
  let reason = reasons.get(key);
  if (reason === undefined) {
    const rule = RULES.signals[signal];
    reason = `${rule.reason}${cue ? ` — cue "${cue}"` : ''} (score ${rule.score})`;
    if (reasons.size < 1000) reasons.set(key, reason);
  }
  return reason;
}

/**
 * The occurrence for a parsed name, or undefined for a street. The masked evidence is computed when first
 * read: a letter names a person many times and the finding shows one evidence, while masking costs more
 * than finding the name. It is an own, enumerable getter, so spreading or serialising the occurrence
 * still yields the string.
 */
export function build(text: string, name: ParsedName, signal: NameSignal, cue?: string): PersonName | undefined {
  if (isStreet(name)) return undefined;
  RULES.company.lastIndex = name.end;
  if (RULES.company.test(text)) signal = 'companyName';
  const raw = text.slice(name.start, name.end);
  const label = cue?.trim();
  let masked: string | undefined;
  return {
    start: name.start,
    end: name.end,
    confidence: RULES.signals[signal].score,
    get evidence() {
      return (masked ??= evidence(maskWords(raw), label));
    },
    reason: reasonFor(signal, label?.toLowerCase()),
    value: /[\t\n]| {2}/.test(raw) ? raw.toLowerCase().replace(/\s+/g, ' ') : raw.toLowerCase(),
    signal,
  };
}

export const known = (name: ParsedName) => isKnownSurname(name) || name.words.some((w) => FIRST_NAMES.has(w.toLowerCase()));
/** Only spaces between the line start and `pos` (walks back over the spaces only: texts can be one long line). */
function lineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/** Names after cue words of the shared keyword pass: titles, greetings, role words, form fields, t.a.v., closings. */
export function cueNames(scanned: ScannedText, out: (PersonName | undefined)[]): void {
  const text = scanned.text;
  for (const hit of scanned.hits(LIST('title'))) {
    const pos = text[hit.end] === '.' ? hit.end + 1 : hit.end;
    if (!/[ \t]/.test(text[pos] ?? '')) continue;
    const name = readName(text, pos + 1, CUE_READ);
    if (name) out.push(build(text, name, 'title', text.slice(hit.start, pos)));
  }
  for (const hit of scanned.hits(LIST('greeting'))) {
    if (!lineStart(text, hit.start) || !/[ \t]/.test(text[hit.end] ?? '')) continue;
    const name = readName(text, hit.end + 1, CUE_READ);
    if (name) out.push(build(text, name, 'greeting', text.slice(hit.start, hit.end)));
  }
  for (const hit of scanned.hits(LIST('function'))) {
    if (!/[ \t]/.test(text[hit.end] ?? '')) continue;
    const name = readName(text, hit.end + 1, ROLE_READ);
    if (!name) continue;
    // A particle marks a surname: "burgemeester Van Zanen" (a department has none: "directeur Financiën").
    const surname = known(name) || name.surnameKey.includes(' ');
    out.push(build(text, name, surname ? 'function' : 'functionUnknown', text.slice(hit.start, hit.end)));
  }
  for (const hit of scanned.hits(LIST('label'))) {
    const colon = /^[ \t]*:?[ \t]*/.exec(text.slice(hit.end, hit.end + 8))![0];
    if (!colon.includes(':') && !text.slice(hit.start, hit.end).endsWith(':')) continue;
    const name = readName(text, hit.end + colon.length, CUE_READ);
    if (!name) continue;
    const several = name.words.length + name.initials >= 2 || known(name);
    out.push(build(text, name, several ? 'label' : 'labelSingleWord', text.slice(hit.start, hit.end).replace(/:$/, '')));
  }
  for (const hit of scanned.hits(LIST('attention'))) {
    const gap = /^[ \t]*:?[ \t]*/.exec(text.slice(hit.end, hit.end + 8))![0];
    const name = gap ? readName(text, hit.end + gap.length, CUE_READ) : undefined;
    if (name) out.push(build(text, name, 'attention', text.slice(hit.start, hit.end)));
  }
  for (const hit of scanned.hits(LIST('closing'))) signature(text, hit.start, hit.end, out);
}

const LINE = 120;

/** A closing at the start of a line, then (on the same line or one of the next three) a line that is only a name. */
function signature(text: string, start: number, end: number, out: (PersonName | undefined)[]): void {
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
      out.push(build(text, name, signal, text.slice(start, end)));
      return;
    }
    pos = lineEnd + 1;
  }
}

