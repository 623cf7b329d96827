import type { Detector, Occurrence } from '../detector.ts';
import { ibanValid } from '../checksums.ts';
import { RuleError, loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { HOLDER_ORGANISATION } from './financial-context.ts';
import { organisationWithoutPeople, type DocumentMarkers } from './organisation-document.ts';
import { firstFrom } from './special/sentence-span.ts';
import { firstHitIn, mostlyCompanyRows, tableRow, type Row } from './table-row.ts';

const RULES = loadRule('detectors/iban.json', (_, f) => {
  const lengths = new Map<string, number>();
  for (const [country, length] of Object.entries(f.object('lengths'))) {
    if (!/^[A-Z]{2}$/.test(country) || typeof length !== 'number' || length < 12 || length > 34) {
      throw new RuleError('detectors/iban.json', `field "lengths.${country}" must map a country code to a length 12–34`);
    }
    lengths.set(country, length);
  }
  const scores = f.object('scores');
  for (const key of ['checksumOnly', 'withContext', 'company']) {
    if (typeof scores[key] !== 'number') throw new RuleError('detectors/iban.json', `field "scores.${key}" must be a number`);
  }
  return {
    context: f.strings('context'),
    companyContext: f.strings('companyContext'),
    organisationNames: f.strings('organisationNames'),
    organisationEndings: f.strings('organisationEndings'),
    collectionTypes: new Set(f.strings('collectionTypes')),
    documentCompany: new Set(f.strings('documentCompanyMarkers')),
    personFields: f.strings('personFields'),
    paymentInstruction: f.strings('paymentInstruction'),
    window: f.number('contextWindow', 1, 500),
    companyWindow: f.number('companyWindow', 1, 500),
    lengths,
    scores: scores as Record<'checksumOnly' | 'withContext' | 'company', number>,
  };
});

const CONTEXT = 'iban.context';
const COMPANY = 'iban.company';
const PAYMENT = 'iban.payment';
const ORGANISATION = 'iban.organisation';
const PERSON_FIELD = 'iban.personField';
const DOCUMENT_MARKERS: DocumentMarkers = { list: COMPANY, entries: RULES.documentCompany };
/**
 * A holder field at the start of a line that names an organisation ("Rekeninghouder : STICHTING VOEDSELBANK …"), also
 * a delimited header row's first cell ('"Rekeninghouder";"Voetbalvereniging …"').
 */
const HOLDER_FIELD_ORGANISATION = new RegExp(`^[ \\t]*["']?${HOLDER_ORGANISATION.source}`, 'i');
/** "… op NL91 ABNA … t.n.v. J. Jansen": the account holder is named after the number, so it is not assumed. */
const HOLDER_AFTER = /^[\s,]*(?:t\.?n\.?v\.?|ten name van|in the name of)/i;
/** How far before the number a payment instruction may stand ("Gelieve te betalen binnen 30 dagen op …"). */
const PAYMENT_WINDOW = 60;
/**
 * A payment field of the document itself, the number right after it: "Payment: IBAN GB33 …", "Betaling: NL91 …".
 * Only the bare field: "Payment method: direct debit from NL91 …" names the customer's account.
 */
const PAYMENT_FIELD = /(?:^|[\s(|·])(?:payment|betaling)[ \t]*:[ \t]*(?:(?:iban|account|rekening)[ \t]*:?[ \t]*)?$/i;
/** Company markers that are registrations (KvK, BTW, VAT, Chamber of Commerce), not legal forms. */
const REGISTRATION = /^(?:kvk|btw|vat|coc|handelsregister|kamer van koophandel|chamber of commerce)/;
/** After the country code and check digits: the rest, plain or in groups of four separated by one space. */
const BODY = /[A-Za-z0-9]{4}(?: ?[A-Za-z0-9]{1,4}){1,8}/y;
/** A company footer line can be long; look that far along the line, no further. */
const MAX_LINE_WINDOW = 300;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isCapital(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The payment field the number stands in ("payment"), or undefined. */
function paymentField(text: string, c: { start: number }): string | undefined {
  const field = PAYMENT_FIELD.exec(text.slice(Math.max(0, c.start - 32), c.start));
  return field ? /payment|betaling/i.exec(field[0])![0].toLowerCase() : undefined;
}

interface Candidate {
  start: number;
  end: number;
  raw: string;
  iban: string;
}

/**
 * IBANs start with two letters and two digits: every digit run that starts right after two letters (which
 * themselves start a word) is a candidate; the rest is read locally. The country's registered length
 * decides where the IBAN ends, so a word glued behind it is not swallowed.
 */
function candidateAt(text: string, runStart: number): Candidate | undefined {
  const start = runStart - 2;
  // The character right before the run first: it is seldom a letter (a space, a colon), so most runs stop here.
  if (!isLetter(text.charCodeAt(runStart - 1)) || start < 0 || !isLetter(text.charCodeAt(start))) return undefined;
  if (isAlnum(text.charCodeAt(start - 1))) return undefined;
  if (!isDigit(text.charCodeAt(runStart)) || !isDigit(text.charCodeAt(runStart + 1))) return undefined;
  const country = text.slice(start, start + 2).toUpperCase();
  const length = RULES.lengths.get(country);
  if (!length) return undefined;
  let from = runStart + 2;
  if (text[from] === ' ') from++;
  BODY.lastIndex = from;
  const body = BODY.exec(text);
  if (!body) return undefined;
  // Walk the body until `length` characters of IBAN are collected.
  let compact = text.slice(start, runStart + 2).toUpperCase();
  let end = from;
  for (; end < from + body[0].length && compact.length < length; end++) {
    const c = text[end]!;
    if (c !== ' ') compact += c.toUpperCase();
  }
  if (compact.length < length || isAlnum(text.charCodeAt(end))) return undefined;
  return { start, end, raw: text.slice(start, end), iban: compact };
}

const NO_CANDIDATES: readonly Candidate[] = [];

/** The IBANs with a valid checksum, in text order (an invalid checksum is not an IBAN: dropped). */
function validCandidates(text: ScannedText): readonly Candidate[] {
  let found: Candidate[] | undefined; // made at the first IBAN: most texts have none
  let after = 0;
  const runs = text.digitRunPairs();
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    if (start < after) continue;
    const c = candidateAt(text.text, start);
    if (!c || !ibanValid(c.iban)) continue;
    after = c.end;
    (found ??= []).push(c);
  }
  return found ?? NO_CANDIDATES;
}

/** A holder field at the start of a line ("Rekeninghouder: …", '"Rekeninghouder";"…"'), whoever it names. */
const HOLDER_FIELD = /^[ \t]*["']?(?:rekeninghouder|account holder|t\.?n\.?v\.?|ten name van|op naam van)(?![a-z])/i;
/**
 * A header field's label before the number on its line ("Rekeningnummer:  NL97 …"), also as the first cell of a
 * delimited header row ('"IBAN";"NL19 …"'), not a transaction's date or a row of several cells.
 */
const FIELD_LABEL = /^[ \t]*(?:[A-Za-z][A-Za-z .()-]{0,30}:|(["']?)[A-Za-z][A-Za-z .()/-]{0,30}\1[ \t]*[;,\t|])[ \t]*["']?[ \t]*$/;
/** How far a statement's holder field may stand from the account field of its header block: name, street, place between. */
const HOLDER_BLOCK_LINES = 4;

/**
 * The holder field of the account's header block: the nearest holder field above or below the number's line, in the
 * same block (no blank line between), with no other account between them. Right above or below any number; further
 * only for a header field ("Rekeninghouder: BOUWBEDRIJF … B.V." over street, place and "Rekeningnummer: NL97 …"),
 * not for a transaction line of the statement. The organisation it names, or undefined.
 */
function holderFieldOrganisation(text: ScannedText, c: Candidate, candidates: readonly Candidate[]): string | undefined {
  const s = text.text;
  const line = text.lineAround(c.start);
  const field = FIELD_LABEL.test(s.slice(line.start, c.start));
  for (const step of [-1, 1]) {
    let next = line;
    for (let d = 1; d <= (field ? HOLDER_BLOCK_LINES : 1); d++) {
      if (step < 0 ? next.start === 0 : next.end >= s.length) break;
      next = text.lineAround(step < 0 ? next.start - 1 : next.end + 1);
      const value = s.slice(next.start, next.end);
      if (value.trim() === '' || candidates.some((o) => o.start >= next.start && o.start < next.end)) break;
      if (!HOLDER_FIELD.test(value)) continue;
      const m = HOLDER_FIELD_ORGANISATION.exec(value);
      if (m) return `${m[1]} … ${m[2]}`.toLowerCase();
      // No legal form, but an organisation's name ("Rekeninghouder:  R.-K. PAROCHIE …", "… Gemeente Brunssum").
      const named = organisationIn(text, next);
      if (named) return `${HOLDER_FIELD.exec(value)![0].trim().replace(/^["']/, '')} … ${named}`.toLowerCase();
      break; // the nearest holder field names a person: the account is theirs
    }
  }
  return undefined;
}

/** Between an account and a holder named right after it: blanks, a CSV cell's quotes and separator, "t.n.v.". */
const HOLDER_GAP = /^["']?[ \t]*(?:[,;|\t][ \t]*["']?[ \t]*)?(?:(?:t\.?n\.?v\.?|ten name van)[ \t:]*)?/i;

/**
 * A capitalised organisation name right after the number: the holder of a statement's transfer ("naar NL61 … VvE
 * Parkzicht Reservefonds", "t.n.v. Gemeente Leeuwarden") or of a bank export's counterparty, whose name column
 * follows its account column ("NL69 …","Bisdom Haarlem-Amsterdam"). The word must start the name.
 */
function organisationAfter(text: ScannedText, c: Candidate): string | undefined {
  const s = text.text;
  const at = c.end + HOLDER_GAP.exec(s.slice(c.end, c.end + 24))![0].length;
  const hits = text.hits(ORGANISATION);
  const hit = hits[firstFrom(hits, at)];
  if (hit !== undefined && hit.start === at && isCapital(s.charCodeAt(at))) return hit.entry;
  // A compound starting the name ("NL19 …","Voetbalvereniging Zuidwolde"): its first word only.
  WORD.lastIndex = at;
  const first = WORD.exec(s);
  return first?.index === at ? organisationCompound(s, at, at + first[0].length) : undefined;
}

/** A word: its letters (accented ones too). */
const WORD = /[A-Za-z\u00c0-\u024f]+/g;
/** The shortest first part of a compound organisation name ("Woon|bond"): a bare ending is a word of the list or a surname ("Bond"). */
const COMPOUND_HEAD = 3;

/**
 * The organisation word that ends a capitalised compound in s[from, to) ("Huurdersvereniging", "WOONSTICHTING",
 * "Pensioenfonds": rules' organisationEndings), or undefined. A person's name never ends so; the vocabulary finds whole
 * words only, so the compounds are read here, only around a found account. Only the ending is returned: the first part
 * may be a name.
 */
function organisationCompound(s: string, from: number, to: number): string | undefined {
  WORD.lastIndex = from;
  for (let m = WORD.exec(s); m && m.index < to; m = WORD.exec(s)) {
    if (m.index + m[0].length > to || !isCapital(s.charCodeAt(m.index))) continue;
    const word = m[0].toLowerCase();
    const ending = RULES.organisationEndings.find((e) => word.length >= e.length + COMPOUND_HEAD && word.endsWith(e));
    if (ending) return `…${ending}`;
  }
  return undefined;
}

/** The organisation a span names with a capital ("Gemeente Zaanstad", "PAROCHIE …", "Huurdersvereniging …"), or undefined. */
function organisationIn(text: ScannedText, span: { start: number; end: number }): string | undefined {
  const hits = text.hits(ORGANISATION);
  for (let i = firstFrom(hits, span.start); i < hits.length && hits[i]!.end <= span.end; i++) {
    if (isCapital(text.text.charCodeAt(hits[i]!.start))) return hits[i]!.entry;
  }
  return organisationCompound(text.text, span.start, span.end);
}

/** Whether a table row names an organisation with a capital, in any cell. */
function organisationRow(text: ScannedText, row: { start: number; end: number }): boolean {
  return organisationIn(text, row) !== undefined;
}

/**
 * The organisation that holds the account, when the text names it: a holder naming an organisation on the number's
 * line ("NL05 … t.n.v. Stichting …") or in the holder field of its block ("Rekeninghouder : STICHTING …" over
 * "Rekening : NL09 …"), or a capitalised organisation name before the number on its line ("Gemeente Leiden  NL46 …").
 */
function organisationHolder(text: ScannedText, c: Candidate, candidates: readonly Candidate[]): string | undefined {
  const s = text.text;
  const line = text.lineAround(c.start);
  const own = HOLDER_ORGANISATION.exec(s.slice(line.start, line.end));
  if (own) return `${own[1]} … ${own[2]}`.toLowerCase();
  const field = holderFieldOrganisation(text, c, candidates) ?? organisationAfter(text, c);
  if (field) return field;
  // The capital is tested here: a word list's `capitalised` holds only for words no other detector's list shares.
  const name = text.near(ORGANISATION, c, RULES.companyWindow, false);
  if (name && name.start >= line.start && isCapital(s.charCodeAt(name.start))) return name.entry;
  return organisationCompound(s, Math.max(line.start, c.start - RULES.companyWindow), c.start);
}

/**
 * "NL91 … t.n.v. B.J. Versteeg", "t.n.v. de heer Versteeg": the holder named after the number is a person (initials or
 * a title before a surname); "t.n.v. Hoveniersbedrijf Groenrijk" or "t.n.v. Gemeente Leeuwarden" is not.
 */
const PERSON_HOLDER_AFTER = new RegExp(`${HOLDER_AFTER.source}[ \\t:]*(?:(?:de heer|mevrouw|dhr\\.?|mevr\\.?|mw\\.?|mr\\.?|mrs\\.?|ms\\.?)[ \\t]+(?:[A-Z]\\.[ \\t]?){0,4}|(?:[A-Z]\\.[ \\t]?){1,4})(?:(?:van|de|der|den|ter|ten|te|het)[ \\t]+)*[A-Z][a-z]`);

function companyHit(text: ScannedText, c: Candidate) {
  // In a table every row is its own record: the B.V. of the row above says nothing about this row's account.
  const table = tableRow(text, c);
  if (table) return firstHitIn(text.hits(COMPANY), table.row);
  const line = text.lineAround(c.start);
  const window = Math.min(MAX_LINE_WINDOW, Math.max(RULES.companyWindow, c.start - line.start, line.end - c.end));
  const hit = text.near(COMPANY, c, window);
  if (!hit) return undefined;
  const distance = hit.end <= c.start ? c.start - hit.end : hit.start - c.end;
  const sameLine = hit.start >= line.start && hit.end <= line.end;
  return sameLine || distance <= RULES.companyWindow ? hit : undefined;
}

/**
 * Whether a table row holds a context word of its own ("salaris", "t.n.v."), other than a booking-type cell that says
 * the counterparty collects (rules' collectionTypes: "Incasso" alone in a statement's type column). A direct debit's
 * counterparty is its collector, a creditor: the word says nothing of a person's account there.
 */
function rowContext(text: ScannedText, table: Row): boolean {
  const s = text.text;
  const { row, sep } = table;
  const hits = text.hits(CONTEXT);
  for (let i = firstFrom(hits, row.start); i < hits.length && hits[i]!.end <= row.end; i++) {
    const hit = hits[i]!;
    if (!RULES.collectionTypes.has(hit.entry)) return true;
    const before = s.lastIndexOf(sep, hit.start - 1);
    const after = s.indexOf(sep, hit.end);
    const cell = s.slice(Math.max(row.start, before + 1), after < 0 || after > row.end ? row.end : after);
    if (cell.replace(/["'\s]/g, '').length !== hit.end - hit.start) return true;
  }
  return false;
}

/** How many rows of a table must repeat one account before it is read as the table's own account. */
const OWN_ACCOUNT_ROWS = 3;

/**
 * The accounts in every row of the table that holds an account (at least OWN_ACCOUNT_ROWS), in a table that pairs
 * accounts (a row with two): a bank export's own account, repeated beside each counterparty's. The rows name the
 * counterparties ("Albert Heijn B.V.", "Gemeente …"), never the exporter: a private person's export must not take
 * their account for a company's. A payment schedule to one creditor (one account a row) has no own account.
 */
function ownAccounts(text: ScannedText, candidates: readonly Candidate[], table: Row): ReadonlySet<string> {
  const memo = text.memo('iban.ownAccounts', () => new Map<number, ReadonlySet<string>>());
  const known = memo.get(table.headerLine.start);
  if (known) return known;
  const rows = new Map<number, Set<string>>();
  for (const o of candidates) {
    const row = tableRow(text, o);
    if (row?.headerLine.start !== table.headerLine.start) continue;
    const ibans = rows.get(row.row.start) ?? new Set<string>();
    rows.set(row.row.start, ibans.add(o.iban));
  }
  const own = new Set<string>();
  if (rows.size >= OWN_ACCOUNT_ROWS && [...rows.values()].some((ibans) => ibans.size > 1)) {
    const [first, ...rest] = [...rows.values()];
    for (const iban of first!) if (rest.every((ibans) => ibans.has(iban))) own.add(iban);
  }
  memo.set(table.headerLine.start, own);
  return own;
}

/** Whether the number is a table's own account (ownAccounts): its rows' words speak for the counterparties only. */
function isOwnAccount(text: ScannedText, candidates: readonly Candidate[], c: Candidate): boolean {
  const table = tableRow(text, c);
  return table !== undefined && ownAccounts(text, candidates, table).has(c.iban);
}

export const ibanDetector: Detector = {
  id: 'iban',
  category: 'iban',
  wordLists: [
    { id: CONTEXT, words: RULES.context },
    { id: COMPANY, words: RULES.companyContext },
    { id: PAYMENT, words: RULES.paymentInstruction },
    { id: ORGANISATION, words: RULES.organisationNames },
    { id: PERSON_FIELD, words: RULES.personFields },
  ],
  detect(text) {
    const candidates = validCandidates(text);
    if (candidates.length === 0) return [];
    // An account printed next to KvK/BTW in a letterhead is the company's wherever else it appears
    // ("betaling op NL30 ABNA … onder vermelding van het factuurnummer").
    const companyAccounts = new Map<string, string>();
    for (const c of candidates) {
      if (isOwnAccount(text, candidates, c)) continue;
      // A one-man business's letterhead names its owner as the holder ("IBAN … t.n.v. B.J. Versteeg"): a person's account.
      const company = PERSON_HOLDER_AFTER.test(text.text.slice(c.end, c.end + 60)) ? undefined : (companyHit(text, c)?.entry ?? organisationHolder(text, c, candidates));
      if (company && !companyAccounts.has(c.iban)) companyAccounts.set(c.iban, company);
    }
    // In a document from a registered company (a KvK or BTW/VAT number anywhere), the account the reader is asked to
    // pay into is the company's: "Gelieve te betalen binnen 30 dagen op NL20 INGB …" — unless a holder is named after
    // it. A legal form alone ("b.v." is also "bijvoorbeeld") is not enough here.
    const payees = new Map<string, string>();
    const documentCompany = text.hits(COMPANY).find((h) => REGISTRATION.test(h.entry));
    if (documentCompany) {
      for (const c of candidates) {
        if (companyAccounts.has(c.iban)) continue;
        const payment = text.near(PAYMENT, c, PAYMENT_WINDOW, false)?.entry ?? paymentField(text.text, c);
        if (!payment || HOLDER_AFTER.test(text.text.slice(c.end, c.end + 24))) continue;
        payees.set(c.iban, `valid IBAN (mod-97), but the reader is asked to pay into it ("${payment}") in a document of a company ("${documentCompany.entry}"): the payee's account (company data, not personal data, unless a one-man business)`);
      }
    }
    // A row without any word of its own in a table whose other rows are organisations ("Nedap Healthcare" among the
    // B.V.s of a creditors' list): one more organisation's account, not the one person among them.
    const tableAccounts = new Map<string, string>();
    for (const c of candidates) {
      if (companyAccounts.has(c.iban) || payees.has(c.iban) || isOwnAccount(text, candidates, c)) continue;
      const table = tableRow(text, c);
      if (!table || rowContext(text, table)) continue;
      if (!mostlyCompanyRows(text, table, COMPANY, (row) => organisationRow(text, row))) continue;
      tableAccounts.set(c.iban, 'valid IBAN (mod-97) in a row without context of its own, in a table whose other rows are ' +
        "organisations' (company data, not personal data, unless a one-man business)");
    }
    const occurrences: Occurrence[] = [];
    for (const c of candidates) {
      const masked = c.raw.slice(0, 2).toUpperCase() + maskKeepLast(c.raw.slice(2));
      const context = text.near(CONTEXT, c, RULES.window);
      const company = companyAccounts.get(c.iban);
      const payee = payees.get(c.iban) ?? tableAccounts.get(c.iban);
      let organisation: string | undefined;
      let confidence: number;
      let reason: string;
      if (payee) {
        confidence = RULES.scores.company;
        reason = payee;
      } else if (company) {
        confidence = RULES.scores.company;
        reason = `valid IBAN (mod-97), but "${company}" next to it says it is a company's account ` +
          '(company data, not personal data, unless a one-man business)';
      } else if (context) {
        confidence = RULES.scores.withContext;
        reason = `valid IBAN (mod-97) with context word "${context.entry}"`;
      } else if (documentCompany && !tableRow(text, c) && text.hits(PERSON_FIELD).length === 0 && (organisation = organisationWithoutPeople(text, DOCUMENT_MARKERS))) {
        // An organisation's own report (a KvK or BTW number, no person named anywhere) lists its own account.
        // Not a table row, nor a document with a person's field ("naam", "BSN"): the name finder may miss the person
        // ("Jansen, P.A." in a payroll export, "P.  Tahiri-Bakkali" on a payslip).
        // Asked only here, for an account without context (memoised per text: naming persons costs most).
        confidence = RULES.scores.company;
        reason = `valid IBAN (mod-97) without a context word, in a document of an organisation (${organisation}) that names no person: the organisation's account (company data, not personal data)`;
      } else {
        confidence = RULES.scores.checksumOnly;
        reason = `valid IBAN (mod-97, ${c.iban.length} characters as registered for ${c.iban.slice(0, 2)}), without a context word`;
      }
      occurrences.push({
        start: c.start,
        end: c.end,
        confidence,
        evidence: evidence(masked, 'IBAN'),
        reason,
        value: c.iban,
      });
    }
    return occurrences;
  },
};
