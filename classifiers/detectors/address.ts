import type { Span } from '../../src/types.ts';
import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { maskWords } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { roleMailboxNear } from './email.ts';
import { organisationWithoutPeople, type DocumentMarkers } from './organisation-document.ts';
import { sectionHeader } from './section-header.ts';
import { firstHitIn } from './table-row.ts';
import { firstFrom } from './special/sentence-span.ts';
import { postcodeAt, streetAt, type AddressWords, type Postcode, type StreetLine } from './address-parts.ts';

type Score = 'fullAddress' | 'street' | 'postcode' | 'barePostcode' | 'company' | 'companyDocument' | 'poBox';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00a0]?');

/** The words by their last character (streetBefore compares a word only with the suffixes that could end it). */
function groupByLast(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    groups.set(last, [...(groups.get(last) ?? []), w]);
  }
  return groups;
}

const RULES = loadRule('detectors/address.json', (_, f) => {
  // streetBefore tests a word's last character against the suffixes' last characters first: none may be empty.
  if (f.strings('streetSuffixes').some((w) => w === '')) throw new Error('rules/detectors/address.json: an empty street suffix');
  // The document markers are counted among the company list's hits: each must be one of its words.
  const unlisted = f.strings('documentCompanyMarkers').find((w) => !f.strings('companyContext').includes(w));
  if (unlisted !== undefined) throw new Error(`rules/detectors/address.json: document marker "${unlisted}" is not in companyContext`);
  return {
    words: {
      suffixes: f.strings('streetSuffixes'),
      suffixesByEnd: groupByLast(f.strings('streetSuffixes')),
      particles: new Set(f.strings('streetParticles')),
      poBox: new RegExp(`(?<![A-Za-z])(?:${f.strings('poBoxWords').map(escape).join('|')})[ \\u00a0]*$`, 'i'),
      poBoxEnds: new Set(f.strings('poBoxWords').map((w) => w.at(-1)!.toLowerCase())),
      excludedLetters: new Set(f.strings('postcodeExcludedLetters')),
    } satisfies AddressWords,
    lookalikeLetters: new Set(f.strings('postcodeLookalikeLetters')),
    // A box line over a postcode: the box word and its number, in which OCR may read a 0 as O and a 1 as I or l; then
    // the line's end or another column (three blanks, a bar).
    poBoxLine: new RegExp(`^[ \\t]*(?:${f.strings('poBoxWords').map(escape).join('|')})[ \\t.:]*\\d[\\dOoIl]{0,5}[ \\t]*(?:$|[ \\t]{3}|[|·])`, 'i'),
    postcodeContext: f.strings('postcodeContext'),
    personal: f.strings('personalContext'),
    company: f.strings('companyContext'),
    documentCompany: new Set(f.strings('documentCompanyMarkers')),
    venue: f.strings('venueContext'),
    sectionCompany: f.strings('sectionCompanyHeaders'),
    venueWindow: f.number('venueWindow', 1, 500),
    personalWindow: f.number('personalWindow', 1, 500),
    companyWindow: f.number('companyWindow', 1, 500),
    scores: f.object('scores') as Record<Score, number>,
  };
});

const POSTCODE_CONTEXT = 'address.postcode';
const PERSONAL = 'address.personal';
const COMPANY = 'address.company';
const VENUE = 'address.venue';
const SECTION_COMPANY = 'address.sectionCompany';
const DOCUMENT_MARKERS: DocumentMarkers = { list: COMPANY, entries: RULES.documentCompany };
/** Between a street line and its postcode: a comma, spaces, or one line break. */
const JOIN = /^[ \t]*,?[ \t]*(?:\r?\n[ \t]*)?$/;
/** After a street line: another column (three blanks, then text) up to the line's end, and the next line's indent. */
const COLUMN_JOIN = /^[ \t]{3,}[^\n]*\n[ \t]*$/;

const columnOf = (s: string, pos: number) => pos - (s.lastIndexOf('\n', pos - 1) + 1);

/**
 * Whether the postcode completes the street line: right after it, or on the next line in the same column of a
 * two-column letter head ("Industrieweg 14      Customer ID: …" over "7741 KM Coevorden      Contract: …").
 */
function joins(s: string, street: StreetLine, postcode: Postcode): boolean {
  const between = s.slice(street.end, postcode.start);
  return JOIN.test(between) || (COLUMN_JOIN.test(between) && columnOf(s, street.start) === columnOf(s, postcode.start));
}

type Context = Span & { entry: string };

function distance(hit: Span | undefined, span: Span): number {
  if (!hit) return Infinity;
  return hit.end <= span.start ? span.start - hit.end : Math.max(0, hit.start - span.end);
}

const maskPostcode = (p: Postcode) => `${p.digits[0]}*** **`;
/** First character kept: `123-2` → `1**-*`. */
const maskNumber = (n: string) => n[0] + n.slice(1).replace(/[A-Za-z0-9]/g, '*');
const maskStreet = (s: StreetLine) => `${s.poBox ? s.street : maskWords(s.street)} ${maskNumber(s.number)}`;

const BLANK_LINE = /\n[ \t]*\n/g;

/** Where the paragraph that holds `pos` ends: at the next blank line, or the text's end. */
function paragraphEnd(s: string, pos: number): number {
  BLANK_LINE.lastIndex = pos;
  return BLANK_LINE.exec(s)?.index ?? s.length;
}

/**
 * A role mailbox near the address (`…, Leiden - events@…`), counted as company context after it. After the address it
 * may stand anywhere in the same paragraph, up to the company window: "Praktijk Oost, Oldenzaalsestraat 212, 7523 AG
 * Enschede, is de verwerkingsverantwoordelijke. U kunt ons bereiken via info@…" (never across a blank line).
 */
function roleMailbox(text: ScannedText, span: Span): Context | undefined {
  const after = Math.max(RULES.personalWindow, Math.min(RULES.companyWindow, paragraphEnd(text.text, span.end) - span.end));
  const entry = roleMailboxNear(text.text, span, RULES.personalWindow, after);
  return entry ? { entry, start: span.end, end: span.end } : undefined;
}

/**
 * A venue named just before the address ("in Wijkcentrum De Bron, Burgemeester Moonenlaan 6"): the building's
 * address. Only before it: "je adres Vleutenseweg 212 … vergadert in het buurthuis" is still the member's home.
 */
function venueBefore(text: ScannedText, span: Span): Context | undefined {
  return text.near(VENUE, span, RULES.venueWindow, false);
}

/** A form field far below its section's header ("1. Gegevens organisatie" … "Adres: …"): the header's company word. */
function sectionCompany(text: ScannedText, span: Span): Context | undefined {
  const header = sectionHeader(text, span.start);
  return header ? (firstHitIn(text.hits(SECTION_COMPANY), header) ?? firstHitIn(text.hits(COMPANY), header)) : undefined;
}

function nearer(a: Context | undefined, b: Context | undefined, span: Span): Context | undefined {
  return b === undefined || (a !== undefined && distance(a, span) <= distance(b, span)) ? a : b;
}

/** "t.a.v. crediteurenadministratie", "t.a.v. de afdeling Inkoop": a department, where a person's name would stand. */
const DEPARTMENT_AFTER = /^[ \t]*:?[ \t]*(?:de |het )?(?:afdeling|directie|bestuur|secretariaat|inkoop|boekhouding|financi[eë]n|facilitair|personeelszaken|p&o\b|hr\b|accounts payable|finance\b|purchasing\b|[a-zà-ÿ]*(?:administratie|zaken|beheer|dienst)\b)/i;
const ATTENTION = /^(?:t\.?a\.?v\.?|attn\.?)$/i;

/** Whether a personal word is a "t.a.v." that addresses a department, not a person (no personal context then). */
function attentionOfDepartment(text: string, personal: Context): boolean {
  return ATTENTION.test(text.slice(personal.start, personal.end)) && DEPARTMENT_AFTER.test(text.slice(personal.end, personal.end + 40));
}

/**
 * Company context (letterhead, KvK, bezoekadres, a role mailbox) lowers an address. A personal word before the
 * address ("De heer", "Naam:", "t.a.v.") introduces the addressee's block: then only a nearer company word
 * before it counts, not a KvK line that follows.
 */
function companyContext(text: ScannedText, span: Span): Context | undefined {
  const company = nearer(text.near(COMPANY, span, RULES.companyWindow), venueBefore(text, span), span) ?? roleMailbox(text, span) ?? sectionCompany(text, span);
  if (!company) return undefined;
  const personal = personalBefore(text, span);
  if (!personal) return company;
  return company.end <= span.start && distance(company, span) < distance(personal, span) ? company : undefined;
}

/** A personal word that introduces the address ("De heer", "Naam:", "t.a.v." a person), if any. */
function personalBefore(text: ScannedText, span: Span): Context | undefined {
  const personal = text.near(PERSONAL, span, RULES.personalWindow, false);
  return personal && !attentionOfDepartment(text.text, personal) ? personal : undefined;
}

/** How far a paragraph is read around an address for personal words (a form's block, a letter's address block). */
const PARAGRAPH_REACH = 400;

/** Where the paragraph that holds `pos` starts: after the previous blank line, or at the text's start. */
function paragraphStart(s: string, pos: number): number {
  let start = 0;
  BLANK_LINE.lastIndex = Math.max(0, pos - PARAGRAPH_REACH);
  for (let m = BLANK_LINE.exec(s); m && m.index + m[0].length <= pos; m = BLANK_LINE.exec(s)) start = m.index + m[0].length;
  return start;
}

/** A personal word in the address's paragraph ("Werknemer:" a line above a two-column "Adres:"), not a t.a.v. a department. */
function personalInParagraph(text: ScannedText, span: Span): boolean {
  const s = text.text;
  const from = Math.max(paragraphStart(s, span.start), span.start - PARAGRAPH_REACH);
  const to = Math.min(paragraphEnd(s, span.end), span.end + PARAGRAPH_REACH);
  const hits = text.hits(PERSONAL);
  for (let i = firstFrom(hits, from); i < hits.length && hits[i]!.end <= to; i++) {
    if (!attentionOfDepartment(s, hits[i]!)) return true;
  }
  return false;
}

/**
 * An address without context of its own in an organisation's document that names no person (an information sheet of
 * a GGD closing with "GGD …, afdeling …" over its street and postcode, a KvK number in its footer): the
 * organisation's, as phone.ts judges a landline there. Not with a personal word in its paragraph ("Werknemer:",
 * "Huurder:", "woont"): a form's or a letter's addressee, whose name the name lists may miss. What marks the
 * document, or undefined.
 */
function organisationDocument(text: ScannedText, span: Span): string | undefined {
  if (personalInParagraph(text, span)) return undefined;
  return organisationWithoutPeople(text, DOCUMENT_MARKERS);
}

/** An occurrence with what sameAddressAsCompany compares: its verdict, street line and postcode. */
interface Judged {
  occurrence: Occurrence;
  score: Score;
  street?: StreetLine;
  postcode?: Postcode;
  /** A personal word introduces it: the addressee's block, which another mention of the address does not overrule. */
  personal: boolean;
}

function judgeStreet(text: ScannedText, street: StreetLine, postcode: Postcode | undefined): Judged {
  const span = { start: street.start, end: postcode?.end ?? street.end };
  const masked = postcode ? `${maskStreet(street)}, ${maskPostcode(postcode)}` : maskStreet(street);
  const value = postcode ? `${postcode.digits}${postcode.letters} ${street.number}` : `${street.street} ${street.number}`;
  const company = companyContext(text, span);
  const what = postcode ? 'street, house number and postcode' : 'street name with house number';
  let score: Score = postcode ? 'fullAddress' : 'street';
  let reason = postcode ? `${what}: a full address` : `${what} (no postcode nearby)`;
  if (street.poBox) {
    score = 'poBox';
    reason = `P.O. box ("${street.street.toLowerCase()}"): an organisation's postal address, not a home`;
  } else if (street.range) {
    // `Hof van Delftlaan 2-64`: the numbers of a whole block (a VvE, a housing complex, a project site) locate no
    // one household; weak, as an organisation's address.
    score = 'company';
    reason = `${what} with a range of house numbers: a building complex, not one household`;
  } else if (company) {
    score = 'company';
    reason = `${what} near company context "${company.entry}": an organisation's address`;
  } else {
    const organisation = organisationDocument(text, span);
    if (organisation) {
      score = 'companyDocument';
      reason = `${what} without context, in a document of an organisation (${organisation}) that names no person: the organisation's address`;
    }
  }
  // Written out, not spread: a spread builds the object by a slow path.
  const occurrence = { start: span.start, end: span.end, confidence: RULES.scores[score], evidence: masked, reason, value: value.toLowerCase() };
  return { occurrence, score, street, postcode, personal: personalBefore(text, span) !== undefined };
}

/**
 * Whether the line above a postcode that starts its line is a P.O. box line ("Postbus 1O5" over "6950 AC  Dieren",
 * read in the postcode's column of a two-column letter head): the box's postcode, an organisation's postal address.
 */
function poBoxAbove(s: string, postcode: Postcode): boolean {
  if (!postcode.lineStart) return false;
  const lineStart = s.lastIndexOf('\n', postcode.start - 1) + 1;
  if (lineStart === 0) return false;
  const above = s.slice(s.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  return RULES.poBoxLine.test(above.slice(Math.min(postcode.start - lineStart, above.length)));
}

function judgePostcode(text: ScannedText, postcode: Postcode): Judged | undefined {
  const label = text.near(POSTCODE_CONTEXT, postcode, 30, false) ?? text.near(PERSONAL, postcode, RULES.personalWindow, false);
  const year = Number(postcode.digits) >= 1900 && Number(postcode.digits) <= 2099;
  // `1024 MB`, `In 2019 NS`: a year or a unit and two capitals are a postcode only where the text says so,
  // or as the place line of an address block (`2011 AB Haarlem` on a line of its own).
  const lookalike = year || RULES.lookalikeLetters.has(postcode.letters);
  if (!label && lookalike && !(postcode.city && postcode.lineStart)) return undefined;
  const company = companyContext(text, postcode);
  let score: Score = label || postcode.city ? 'postcode' : 'barePostcode';
  let reason = label ? `postcode with context word "${label.entry}"` : postcode.city ? 'postcode with a place name, no street' : 'postcode shape without street, place or context word (weak)';
  if (poBoxAbove(text.text, postcode)) {
    score = 'poBox';
    reason = "postcode under a P.O. box line: an organisation's postal address, not a home";
  } else if (company) {
    score = 'company';
    reason = `postcode near company context "${company.entry}": an organisation's address`;
  } else {
    const organisation = organisationDocument(text, postcode);
    if (organisation) {
      score = 'companyDocument';
      reason = `postcode without context, in a document of an organisation (${organisation}) that names no person: the organisation's address`;
    }
  }
  const occurrence = {
    start: postcode.start,
    end: postcode.end,
    confidence: RULES.scores[score],
    reason,
    evidence: maskPostcode(postcode),
    value: `${postcode.digits}${postcode.letters}`,
  };
  return { occurrence, score, postcode, personal: personalBefore(text, postcode) !== undefined };
}

/** Verdicts that the document's own company address overrides: a home address or a postcode, by its words or none. */
const OVERRIDDEN: ReadonlySet<Score> = new Set<Score>(['fullAddress', 'street', 'postcode', 'barePostcode', 'companyDocument']);
const streetKey = (s: StreetLine) => `${s.street.toLowerCase().replace(/\s+/g, ' ')} ${s.number.toLowerCase()}`;
const postcodeKey = (p: Postcode) => `${p.digits}${p.letters}`;

/**
 * An address the document gives with company context (a footer "Nexalyte B.V. · Torenallee 20 · 5617 BC Eindhoven ·
 * KvK …") is the organisation's wherever else the document repeats it ("Our office is at Torenallee 20, 5617 BC
 * Eindhoven", far from the footer), as phone.ts does for the letterhead's number. The same street and number, or a
 * postcode without a street that the company's address has; a home address only shares a postcode with it. Not an
 * address a personal word introduces ("Mevrouw …, Wilgenlaan 41"): an invoice line "woning Wilgenlaan 41 … BTW 21%"
 * near a company word does not make the addressee's home the company's.
 */
function sameAddressAsCompany(judged: readonly Judged[]): void {
  const streets = new Set<string>();
  const postcodes = new Set<string>();
  for (const j of judged) {
    if (j.score !== 'company' || j.street?.range) continue;
    if (j.street) streets.add(streetKey(j.street));
    if (j.postcode) postcodes.add(postcodeKey(j.postcode));
  }
  if (streets.size === 0 && postcodes.size === 0) return;
  for (const j of judged) {
    if (!OVERRIDDEN.has(j.score) || j.personal) continue;
    const same = j.street ? streets.has(streetKey(j.street)) : j.postcode !== undefined && postcodes.has(postcodeKey(j.postcode));
    if (!same) continue;
    j.occurrence.confidence = RULES.scores.company;
    j.occurrence.reason = "the address the document gives with company context elsewhere (its letterhead or footer): an organisation's address";
  }
}

export const addressDetector: Detector = {
  id: 'address',
  category: 'address',
  wordLists: [
    { id: POSTCODE_CONTEXT, words: RULES.postcodeContext },
    { id: PERSONAL, words: RULES.personal },
    { id: COMPANY, words: RULES.company },
    { id: VENUE, words: RULES.venue },
    { id: SECTION_COMPANY, words: RULES.sectionCompany },
  ],
  detect(text) {
    const s = text.text;
    const streets: StreetLine[] = [];
    const postcodes: Postcode[] = [];
    const runs = text.digitRunPairs();
    for (let k = 0; k < runs.length; k += 2) {
      const start = runs[k]!;
      const end = runs[k + 1]!;
      const street = streetAt(s, start, end, RULES.words);
      if (street) streets.push(street);
      const postcode = end - start >= 4 ? postcodeAt(s, start, end, RULES.words) : undefined;
      // `Kerkstraat 1234 AB` is read as a house number with an addition, not as a postcode.
      if (postcode && !(street && street.end >= postcode.end)) postcodes.push(postcode);
    }
    const judged: Judged[] = [];
    const used = new Set<Postcode>();
    let next = 0;
    for (const street of streets) {
      while (next < postcodes.length && postcodes[next]!.start < street.end) next++;
      const candidate = postcodes[next];
      const joined = candidate && joins(s, street, candidate) ? candidate : undefined;
      if (joined) used.add(joined);
      judged.push(judgeStreet(text, street, joined));
    }
    for (const postcode of postcodes) {
      const one = used.has(postcode) ? undefined : judgePostcode(text, postcode);
      if (one) judged.push(one);
    }
    sameAddressAsCompany(judged);
    return judged.map((j) => j.occurrence).sort((a, b) => a.start - b.start);
  },
};
