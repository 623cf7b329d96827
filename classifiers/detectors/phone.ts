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

type Score =
  | 'mobile' | 'mobileCompanyContext' | 'landlinePersonal' | 'landline' | 'landlineCompany' | 'companyNumber'
  | 'serviceNumber';

const RULES = loadRule('detectors/phone.json', (_, f) => ({
  labels: f.strings('phoneLabels'),
  personal: f.strings('personalContext'),
  company: f.strings('companyContext'),
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

function distance(hit: { start: number; end: number } | undefined, span: { start: number; end: number }): number {
  if (!hit) return Infinity;
  return hit.end <= span.start ? span.start - hit.end : Math.max(0, hit.start - span.end);
}

/** The hit of `listId` nearest to the number within its row or its column's header cell. */
function nearInRow(text: ScannedText, listId: string, phone: Span, table: Row): KeywordHit | undefined {
  let best: KeywordHit | undefined;
  const inRow = table.header.start >= table.row.start && table.header.end <= table.row.end;
  const hits = text.hits(listId);
  for (const part of inRow ? [table.row] : [table.row, table.header]) {
    for (let i = firstFrom(hits, part.start); i < hits.length && hits[i]!.end <= part.end; i++) {
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
  const personal = text.near(PERSONAL, phone, RULES.window);
  const company = text.near(COMPANY, phone, RULES.window);
  if (personal || company) return { personal, company, section: false };
  // A form field far below its section's header ("1. Gegevens organisatie" … "Telefoonnummer: …"): the header says
  // whose details the section holds.
  const header = sectionHeader(text, phone.start);
  if (!header) return { section: false };
  const sectionCompany = firstHitIn(text.hits(SECTION_COMPANY), header) ?? firstHitIn(text.hits(COMPANY), header);
  return { personal: firstHitIn(text.hits(PERSONAL), header), company: sectionCompany, section: true };
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
  if (phone.kind === 'mobile') {
    return companyWins
      ? { score: 'mobileCompanyContext', reason: `mobile number, ${near} company context "${company.entry}" (a mobile still leads to one person)` }
      : { score: 'mobile', reason: 'mobile number: belongs to one person' };
  }
  const what = phone.kind === 'international' ? 'international number' : 'landline number';
  if (personalWins) return { score: 'landlinePersonal', reason: `${what} ${section ? 'in a section headed by' : 'with'} personal context "${personal.entry}"` };
  if (RULES.prefixes.company.some((p) => national.startsWith(p))) {
    return { score: 'companyNumber', reason: `company number (${national.slice(0, 3)}): an organisation's line` };
  }
  if (companyWins) return { score: 'landlineCompany', reason: `${what} ${near} company context "${company.entry}": a switchboard, not a person's` };
  const mailbox = table
    ? roleMailboxNear(lineAt(text.text, table.row), { start: phone.start - table.row.start, end: phone.end - table.row.start }, RULES.window)
    : roleMailboxNear(text.text, phone, RULES.window);
  if (mailbox) return { score: 'landlineCompany', reason: `${what} next to the role mailbox "${mailbox}": an organisation's line` };
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
