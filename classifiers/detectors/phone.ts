import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import type { Span } from '../../src/types.ts';
import { roleMailboxNear, roleOf } from './email.ts';
import { phoneAt, phoneStart, type PhoneNumber, type PhonePrefixes } from './phone-number.ts';

type Score =
  | 'mobile' | 'mobileCompanyContext' | 'landlinePersonal' | 'landline' | 'landlineCompany' | 'companyNumber'
  | 'serviceNumber';

const RULES = loadRule('detectors/phone.json', (_, f) => ({
  labels: f.strings('phoneLabels'),
  personal: f.strings('personalContext'),
  company: f.strings('companyContext'),
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
const LOOKALIKE = 'phone.lookalike';

function distance(hit: { start: number; end: number } | undefined, span: { start: number; end: number }): number {
  if (!hit) return Infinity;
  return hit.end <= span.start ? span.start - hit.end : Math.max(0, hit.start - span.end);
}

/** Cell separators of a text table (CSV, pasted spreadsheet, Markdown). */
const CELL_SEPARATORS = [';', '\t', '|', ','] as const;

function count(line: string, sep: string): number {
  let n = 0;
  for (let i = line.indexOf(sep); i >= 0; i = line.indexOf(sep, i + 1)) n++;
  return n;
}

/** The separator that makes `line` a table row: at least two of them, as many as in the neighbouring row. */
function rowSeparator(line: string, neighbours: readonly string[]): string | undefined {
  for (const sep of CELL_SEPARATORS) {
    const n = count(line, sep);
    if (n >= 2 && neighbours.some((other) => count(other, sep) === n)) return sep;
  }
  return undefined;
}

/** A table row, the header cell of the number's column (empty on the header line itself) and the cell separator. */
interface Row { row: Span; header: Span; sep: string }
const lineAt = (s: string, span: Span) => s.slice(span.start, span.end);

/**
 * The table row that holds the number and its column's header cell, or undefined in running text. In a table
 * every row is its own record: a word in the row above ("Noodnummer") says nothing about this row's number.
 */
function tableRow(text: ScannedText, phone: Span): Row | undefined {
  const s = text.text;
  const row = text.lineAround(phone.start);
  const line = lineAt(s, row);
  const above = row.start > 0 ? text.lineAround(row.start - 1) : undefined;
  const below = row.end < s.length ? text.lineAround(row.end + 1) : undefined;
  const sep = rowSeparator(line, [above, below].filter((l) => l !== undefined).map((l) => lineAt(s, l)));
  if (!sep) return undefined;
  // The header: the first line of the run of lines with as many separators (remembered per line: rows come in order).
  const headers = text.memo('phone.tableHeaders', () => new Map<number, Span>());
  const n = count(line, sep);
  const walked: number[] = [];
  let header = row;
  while (header.start > 0 && !headers.has(header.start)) {
    const previous = text.lineAround(header.start - 1);
    if (count(lineAt(s, previous), sep) !== n) break;
    walked.push(header.start);
    header = previous;
  }
  header = headers.get(header.start) ?? header;
  for (const start of walked) headers.set(start, header);
  return { row, header: headerCell(s, header, cellIndex(line, phone.start - row.start, sep), sep), sep };
}

/** The number of the cell at `pos` (a position in `line`). */
function cellIndex(line: string, pos: number, sep: string): number {
  let index = 0;
  for (let i = line.indexOf(sep); i >= 0 && i < pos; i = line.indexOf(sep, i + 1)) index++;
  return index;
}

/** The header cell of column `index`: "Telefoon privé" speaks for its column, "Naam" in another column does not. */
function headerCell(s: string, header: Span, index: number, sep: string): Span {
  let start = header.start;
  for (let k = 0; k < index; k++) {
    const next = s.indexOf(sep, start);
    if (next < 0 || next >= header.end) return { start: header.end, end: header.end };
    start = next + 1;
  }
  const next = s.indexOf(sep, start);
  return { start, end: next < 0 || next > header.end ? header.end : next };
}

/** The hit of `listId` nearest to the number within its row or its column's header cell. */
function nearInRow(text: ScannedText, listId: string, phone: Span, table: Row): KeywordHit | undefined {
  let best: KeywordHit | undefined;
  const inRow = table.header.start >= table.row.start && table.header.end <= table.row.end;
  for (const part of inRow ? [table.row] : [table.row, table.header]) {
    const hits = text.hits(listId);
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid]!.start < part.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hits.length && hits[i]!.end <= part.end; i++) {
      if (distance(hits[i], phone) < distance(best, phone)) best = hits[i];
    }
  }
  return best;
}

/**
 * A row that starts with a department or role ("Receptie;Hoofdgebouw;030-…", "Polikliniek Cardiologie;…"): the
 * row's first cell says whose line it is. A staff list starts its rows with a person's name instead.
 */
function departmentRow(text: ScannedText, table: Row): Pick<KeywordHit, 'start' | 'end' | 'entry'> | undefined {
  const line = lineAt(text.text, table.row);
  const first = line.slice(0, line.indexOf(table.sep));
  const words = first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z&]+/);
  const role = words.find((word) => word.length > 1 && roleOf(word) !== undefined);
  return role === undefined ? undefined : { start: table.row.start, end: table.row.start + first.length, entry: role.toLowerCase() };
}

function judge(text: ScannedText, phone: PhoneNumber): { score: Score; reason: string } | undefined {
  const label = text.near(LABEL, phone, RULES.lookalikeWindow, false);
  const lookalike = text.near(LOOKALIKE, phone, RULES.lookalikeWindow, false);
  // "Ordernummer 0612345678": the nearest label before the digits says what kind of number it is.
  if (lookalike && distance(lookalike, phone) < distance(label, phone)) return undefined;
  const table = tableRow(text, phone);
  const personal = table ? nearInRow(text, PERSONAL, phone, table) : text.near(PERSONAL, phone, RULES.window);
  const company = table ? (nearInRow(text, COMPANY, phone, table) ?? departmentRow(text, table)) : text.near(COMPANY, phone, RULES.window);
  const companyWins = company !== undefined && distance(company, phone) < distance(personal, phone);
  const personalWins = personal !== undefined && !companyWins;
  const national = phone.nsn !== undefined ? `0${phone.nsn}` : '';
  if (phone.kind === 'service') {
    return { score: 'serviceNumber', reason: `service number (${national.slice(0, 4)}) of an organisation: not a person's` };
  }
  if (phone.kind === 'mobile') {
    return companyWins
      ? { score: 'mobileCompanyContext', reason: `mobile number, near company context "${company.entry}" (a mobile still leads to one person)` }
      : { score: 'mobile', reason: 'mobile number: belongs to one person' };
  }
  const what = phone.kind === 'international' ? 'international number' : 'landline number';
  if (personalWins) return { score: 'landlinePersonal', reason: `${what} with personal context "${personal.entry}"` };
  if (RULES.prefixes.company.some((p) => national.startsWith(p))) {
    return { score: 'companyNumber', reason: `company number (${national.slice(0, 3)}): an organisation's line` };
  }
  if (companyWins) return { score: 'landlineCompany', reason: `${what} near company context "${company.entry}": a switchboard, not a person's` };
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
    { id: LOOKALIKE, words: RULES.lookalike },
  ],
  detect(text) {
    const occurrences: Occurrence[] = [];
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
      occurrences.push({
        start: phone.start,
        end: phone.end,
        confidence: RULES.scores[judged.score],
        evidence: evidence(maskKeepLast(phone.raw, 2), EVIDENCE_LABEL[phone.kind]),
        reason: judged.reason,
        value: phone.e164,
      });
    }
    return occurrences;
  },
};
