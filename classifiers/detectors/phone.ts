import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import type { Span } from '../../src/types.ts';
import { roleMailboxNear, roleOf } from './email.ts';
import { phoneAt, phoneStart, type PhoneNumber, type PhonePrefixes } from './phone-number.ts';
import { sectionHeader } from './section-header.ts';
import { firstFrom } from './special/sentence-span.ts';
import { firstHitIn, lineAt, mostlyCompanyRows, tableRow, type Row } from './table-row.ts';
import { LocalWords } from './financial-context.ts';
import { organisationWithoutPeople, type DocumentMarkers } from './organisation-document.ts';

type Score =
  | 'mobile' | 'mobileCompanyContext' | 'landlinePersonal' | 'landline' | 'landlineCompany' | 'companyNumber'
  | 'serviceNumber' | 'serviceLine' | 'landlineCompanyDocument';

const RULES = loadRule('detectors/phone.json', (_, f) => ({
  labels: f.strings('phoneLabels'),
  personal: f.strings('personalContext'),
  company: f.strings('companyContext'),
  direct: new Set(f.strings('directPersonalContext')),
  filler: f.strings('directFiller'),
  serviceMarkers: f.strings('serviceLineMarkers'),
  serviceWindow: f.number('serviceLineWindow', 1, 200),
  documentCompany: new Set(f.strings('documentCompanyMarkers')),
  sectionCompany: f.strings('sectionCompanyHeaders'),
  lookalike: f.strings('lookalikeContext'),
  window: f.number('contextWindow', 1, 500),
  lookalikeWindow: f.number('lookalikeWindow', 1, 200),
  prefixes: {
    service: f.strings('serviceNumberPrefixes'),
    company: f.strings('companyNumberPrefixes'),
    internationalMobile: f.strings('internationalMobilePrefixes'),
  } satisfies PhonePrefixes,
  scores: f.object('scores') as Record<Score, number>,
}));

const LABEL = 'phone.label';
const PERSONAL = 'phone.personal';
const COMPANY = 'phone.company';
const SECTION_COMPANY = 'phone.sectionCompany';
const LOOKALIKE = 'phone.lookalike';
const SERVICE_MARKER = new LocalWords(RULES.serviceMarkers);
const DOCUMENT_MARKERS: DocumentMarkers = { list: COMPANY, entries: RULES.documentCompany };
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Between "bereikbaar op" and its number: only label words ("telefoonnummer", "mijn nummer"), punctuation, one line break. */
const DIRECT_GAP = new RegExp(`^[ \\t:(]*\\n?(?:(?:${RULES.filler.map(escape).join('|')})(?![a-z\u00c0-\u024f])[ \\t:(]*){0,3}$`, 'i');

function distance(hit: { start: number; end: number } | undefined, span: { start: number; end: number }): number {
  if (!hit) return Infinity;
  return hit.end <= span.start ? span.start - hit.end : Math.max(0, hit.start - span.end);
}

/**
 * Whether a personal word speaks for this number. "Bereikbaar op/via/onder" does only when the number is what
 * follows it: "Wij zijn bereikbaar op maandag…" or "bereikbaar via fg@…" say when or how to reach someone, and
 * reach no number after a weekday, a street or another contact value.
 */
function speaksFor(text: ScannedText, hit: KeywordHit, phone: Span): boolean {
  if (fieldNamesRole(text.text, hit)) return false;
  if (!RULES.direct.has(hit.entry)) return true;
  return reachesNumber(text, hit, phone) && roleSubject(text.text, hit.start) === undefined;
}

function reachesNumber(text: ScannedText, hit: KeywordHit, phone: Span): boolean {
  return hit.end <= phone.start && DIRECT_GAP.test(text.text.slice(hit.end, phone.start));
}

/** A form field's value after its label on the same line ("Naam vertegenwoordiger : Afdeling HR …"): its first word. */
const FIELD_VALUE = /^[^:\n]{0,30}?:[ \t]*([A-Za-z\u00c0-\u024f]{3,})/;

/** Initials before a surname ("J. Jansen", "P.A. de Wit"): the role's holder named in the field. */
const INITIALS_NAME = /\b[A-Z]\.(?:[ \t]?[A-Z]\.)*[ \t]*(?:(?:van|de|der|den|ter|ten)[ \t]+)*[A-Z][a-z]/;

/**
 * Whether the field the personal word labels is filled with a department or role ("Naam vertegenwoordiger : Afdeling
 * HR & Reisleiding"): it names no person who could own a number nearby. Three letters at least: "Hr." is a title;
 * not when the field goes on to name the role's holder ("Contactpersoon: penningmeester J. de Vries").
 */
function fieldNamesRole(s: string, hit: KeywordHit): boolean {
  const field = FIELD_VALUE.exec(s.slice(hit.end, hit.end + 80));
  if (!field || roleOf(field[1]!) === undefined) return false;
  const from = hit.end + field[0].length;
  const lineEnd = s.indexOf('\n', from);
  return !INITIALS_NAME.test(s.slice(from, lineEnd < 0 ? s.length : lineEnd));
}

/** "De externe vertrouwenspersoon is (ook) bereikbaar": the last word of the subject before "is/zijn" and up to two adverbs. */
const SUBJECT_BEFORE = /(?:^|[^\p{L}])(\p{L}+)[ \t]+(?:is|zijn)[ \t]+(?:\p{L}+[ \t]+){0,2}$/u;

/**
 * The role or department that is "bereikbaar" ("De externe vertrouwenspersoon is bereikbaar via 030-…", "De afdeling
 * is bereikbaar op …"): a function anyone can hold, reached on the organisation's line — no person's number. "Ik ben",
 * "Zij is", "Mevrouw Jansen is bereikbaar op" name no role and keep their personal context.
 */
function roleSubject(text: string, at: number): string | undefined {
  const subject = SUBJECT_BEFORE.exec(text.slice(Math.max(0, at - 80), at))?.[1];
  return subject === undefined ? undefined : roleOf(subject);
}

/** A role's "bereikbaar op/via" right before the number, as company context (the role's line is the organisation's). */
function roleReached(text: ScannedText, phone: Span): KeywordHit | undefined {
  const hits = text.hits(PERSONAL);
  for (let i = firstFrom(hits, phone.start - RULES.window - 64); i < hits.length && hits[i]!.end <= phone.start; i++) {
    const hit = hits[i]!;
    if (!RULES.direct.has(hit.entry) || !reachesNumber(text, hit, phone)) continue;
    const role = roleSubject(text.text, hit.start);
    if (role !== undefined) return { start: hit.start, end: hit.end, entry: role, listIds: [COMPANY], listIndexes: [] };
  }
  return undefined;
}

/**
 * Whether a personal word speaks for a number in running text: not a cell of a table the number is not in ("Vragen: RVO
 * 088 …" above "levensnummer;geboortedatum;…"): a column label speaks for its column only.
 */
function speaksInText(text: ScannedText, hit: KeywordHit, phone: Span): boolean {
  return speaksFor(text, hit, phone) && tableRow(text, hit) === undefined;
}

/** The personal word nearest to the number within `window` (as ScannedText.near) that speaks for it. */
function nearPersonal(text: ScannedText, phone: Span, window: number): KeywordHit | undefined {
  const near = text.near(PERSONAL, phone, window);
  if (!near || speaksInText(text, near, phone)) return near; // the common case: one lookup
  let best: KeywordHit | undefined;
  let bestDistance = Infinity;
  const hits = text.hits(PERSONAL);
  for (let i = firstFrom(hits, phone.start - window - 64); i < hits.length && hits[i]!.start <= phone.end + window; i++) {
    const hit = hits[i]!;
    if (hit.end < phone.start - window || !speaksInText(text, hit, phone)) continue;
    const d = hit.start >= phone.end ? distance(hit, phone) + 0.5 : distance(hit, phone); // a tie goes to the word before, as in near()
    if (d < bestDistance) [best, bestDistance] = [hit, d];
  }
  return best;
}

/** The hit of `listId` nearest to the number within its row or its column's header cell. */
function nearInRow(text: ScannedText, listId: string, phone: Span, table: Row): KeywordHit | undefined {
  let best: KeywordHit | undefined;
  const inRow = table.header.start >= table.row.start && table.header.end <= table.row.end;
  const hits = text.hits(listId);
  for (const part of inRow ? [table.row] : [table.row, table.header]) {
    for (let i = firstFrom(hits, part.start); i < hits.length && hits[i]!.end <= part.end; i++) {
      if (listId === PERSONAL && !speaksFor(text, hits[i]!, phone)) continue;
      if (distance(hits[i], phone) < distance(best, phone)) best = hits[i];
    }
  }
  return best;
}

/**
 * A row that starts with a department or role ("Receptie;Hoofdgebouw;030-…", "Polikliniek Cardiologie;…"): the
 * row's first cell says whose line it is. A staff list starts its rows with a person's name instead.
 */
function departmentRow(text: ScannedText, table: Row): KeywordHit | undefined {
  const line = lineAt(text.text, table.row);
  const first = line.slice(0, line.indexOf(table.sep));
  const words = first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z&]+/);
  const role = words.find((word) => word.length > 1 && roleOf(word) !== undefined);
  return role === undefined ? undefined : { start: table.row.start, end: table.row.start + first.length, entry: role.toLowerCase(), listIds: [COMPANY], listIndexes: [] };
}

/** The context of a context-less row in a table whose rows are mostly organisations'. */
const TABLE_OF_ORGANISATIONS = 'a table whose other rows are organisations';

/** The personal and company context of a number: its row in a table, else its window, else its form section's header. */
function contextOf(text: ScannedText, phone: Span, table: Row | undefined): { personal?: KeywordHit; company?: KeywordHit; section: boolean } {
  if (table) {
    const personal = nearInRow(text, PERSONAL, phone, table);
    const company = nearInRow(text, COMPANY, phone, table) ?? departmentRow(text, table);
    // A row without context of its own in a table of organisations (a creditors' list of B.V.s) is one more of them.
    if (!personal && !company && mostlyCompanyRows(text, table, COMPANY, (row) => departmentRow(text, { ...table, row }) !== undefined)) {
      return { company: { start: table.row.start, end: table.row.start, entry: TABLE_OF_ORGANISATIONS, listIds: [COMPANY], listIndexes: [] }, section: false };
    }
    return { personal, company, section: false };
  }
  const personal = nearPersonal(text, phone, RULES.window);
  const company = text.near(COMPANY, phone, RULES.window) ?? roleReached(text, phone);
  if (personal || company) return { personal, company, section: false };
  // A form field far below its section's header ("1. Gegevens organisatie" … "Telefoonnummer: …"): the header says
  // whose details the section holds.
  const header = sectionHeader(text, phone.start);
  if (!header) return { section: false };
  const sectionCompany = firstHitIn(text.hits(SECTION_COMPANY), header) ?? firstHitIn(text.hits(COMPANY), header);
  return { personal: firstHitIn(text.hits(PERSONAL), header), company: sectionCompany, section: true };
}

/**
 * Why a number is a service line staffed in turns, not one person's: a marker on its own line ("06-… (persdienst,
 * 24/7)", "piket: 06-…"), or its row in a department table that gives the department's role mailbox
 * ("Communicatie;4500;06-…;pers@…"). A staff list starts its rows with a person's name, not a department.
 */
function serviceLine(text: ScannedText, phone: Span, table: Row | undefined): string | undefined {
  const line = text.lineAround(phone.start);
  const from = Math.max(line.start, phone.start - RULES.serviceWindow);
  const marker = SERVICE_MARKER.first(text.text.slice(from, Math.min(line.end, phone.end + RULES.serviceWindow)));
  if (marker) return `marked as a service line ("${marker}")`;
  if (!table || !departmentRow(text, table)) return undefined;
  const mailbox = roleMailboxNear(lineAt(text.text, table.row), { start: phone.start - table.row.start, end: phone.end - table.row.start }, RULES.window);
  return mailbox ? `in a department's table row with the role mailbox "${mailbox}"` : undefined;
}

function judge(text: ScannedText, phone: PhoneNumber): { score: Score; reason: string } | undefined {
  const label = text.near(LABEL, phone, RULES.lookalikeWindow, false);
  const lookalike = text.near(LOOKALIKE, phone, RULES.lookalikeWindow, false);
  // "Ordernummer 0612345678": the nearest label before the digits says what kind of number it is.
  if (lookalike && distance(lookalike, phone) < distance(label, phone)) return undefined;
  const table = tableRow(text, phone);
  const { personal, company, section } = contextOf(text, phone, table);
  const near = section ? 'in a section headed by' : 'near';
  const companyWins = company !== undefined && distance(company, phone) < distance(personal, phone);
  const personalWins = personal !== undefined && !companyWins;
  const national = phone.nsn !== undefined ? `0${phone.nsn}` : '';
  if (phone.kind === 'service') {
    return { score: 'serviceNumber', reason: `service number (${national.slice(0, 4)}) of an organisation: not a person's` };
  }
  const service = personalWins ? undefined : serviceLine(text, phone, table);
  const what = phone.kind === 'international' ? 'international number' : phone.kind === 'mobile' ? 'mobile number' : 'landline number';
  if (service) return { score: 'serviceLine', reason: `${what} ${service}: a phone staffed in turns, not one person's` };
  if (phone.kind === 'mobile') {
    return companyWins
      ? { score: 'mobileCompanyContext', reason: `mobile number, ${near} company context "${company.entry}" (a mobile still leads to one person)` }
      : { score: 'mobile', reason: 'mobile number: belongs to one person' };
  }
  if (personalWins) return { score: 'landlinePersonal', reason: `${what} ${section ? 'in a section headed by' : 'with'} personal context "${personal.entry}"` };
  if (RULES.prefixes.company.some((p) => national.startsWith(p))) {
    return { score: 'companyNumber', reason: `company number (${national.slice(0, 3)}): an organisation's line` };
  }
  if (companyWins) return { score: 'landlineCompany', reason: `${what} ${near} company context "${company.entry}": a switchboard, not a person's` };
  const mailbox = table
    ? roleMailboxNear(lineAt(text.text, table.row), { start: phone.start - table.row.start, end: phone.end - table.row.start }, RULES.window)
    : roleMailboxNear(text.text, phone, RULES.window);
  if (mailbox) return { score: 'landlineCompany', reason: `${what} next to the role mailbox "${mailbox}": an organisation's line` };
  const organisation = organisationWithoutPeople(text, DOCUMENT_MARKERS);
  if (organisation) {
    return { score: 'landlineCompanyDocument', reason: `${what} without context, in a document of an organisation (${organisation}) that names no person: the organisation's line` };
  }
  return { score: 'landline', reason: `${what} without context (could be a person's or an organisation's)` };
}

const EVIDENCE_LABEL: Record<PhoneNumber['kind'], string> = {
  mobile: 'mobiel',
  landline: 'telefoon',
  international: 'telefoon',
  service: 'servicenummer',
};

export const phoneDetector: Detector = {
  id: 'phone',
  category: 'phone',
  wordLists: [
    { id: LABEL, words: RULES.labels },
    { id: PERSONAL, words: RULES.personal },
    { id: COMPANY, words: RULES.company },
    { id: SECTION_COMPANY, words: RULES.sectionCompany },
    { id: LOOKALIKE, words: RULES.lookalike },
  ],
  detect(text) {
    const occurrences: Occurrence[] = [];
    const scores: Score[] = [];
    let consumed = 0;
    const runs = text.digitRunPairs();
    for (let k = 0; k < runs.length; k += 2) {
      if (runs[k]! < consumed) continue;
      const start = phoneStart(text.text, runs[k]!);
      if (start === undefined) continue;
      const phone = phoneAt(text.text, start, RULES.prefixes);
      if (!phone) continue;
      consumed = phone.end;
      const judged = judge(text, phone);
      if (!judged) continue;
      scores.push(judged.score);
      occurrences.push({
        start: phone.start,
        end: phone.end,
        confidence: RULES.scores[judged.score],
        evidence: evidence(maskKeepLast(phone.raw, 2), EVIDENCE_LABEL[phone.kind]),
        reason: judged.reason,
        value: phone.e164,
      });
    }
    return sameLineAsLetterhead(occurrences, scores);
  },
};

/** Landline verdicts that the document's own company line overrides (personal context or none). */
const OVERRIDDEN: ReadonlySet<Score> = new Set<Score>(['landlinePersonal', 'landline']);

/**
 * A landline judged an organisation's line where it stands with company context (the letterhead: "Zuiderzeeweg 12 ·
 * 050-3138800 · KvK …") is that organisation's line wherever else the document repeats it ("telefoon 050-3138800" in
 * the closing paragraph, near a signature field's "naam"), as an IBAN printed next to KvK is.
 */
function sameLineAsLetterhead(occurrences: Occurrence[], scores: readonly Score[]): Occurrence[] {
  for (let i = 0; i < occurrences.length; i++) {
    if (scores[i] !== 'landlineCompany') continue;
    for (let j = 0; j < occurrences.length; j++) {
      const other = occurrences[j]!;
      if (other.value !== occurrences[i]!.value || !OVERRIDDEN.has(scores[j]!)) continue;
      other.confidence = RULES.scores.landlineCompany;
      other.reason = 'the number the document gives with company context elsewhere (its letterhead or footer): an organisation\'s line';
    }
  }
  return occurrences;
}
