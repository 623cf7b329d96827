import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { FIRST_NAMES, SURNAMES } from './person-name/parse.ts';
import { namesAPerson } from './named-person.ts';
import { anyHitIn, mostlyCompanyRows, tableRow } from './table-row.ts';
import { maskEmail } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';

const RULES = loadRule('detectors/email.json', (_, f) => ({
  roles: new Set(f.strings('roleLocalParts')),
  compoundHeads: f.strings('roleCompoundHeads'),
  compoundLeads: f.strings('roleCompoundLeads'),
  tableCompany: f.strings('tableCompanyContext'),
  tablePersonal: f.strings('tablePersonalContext'),
  freeMail: new Set(f.strings('freeMailDomains')),
  fileExtensions: new Set(f.strings('fileExtensions')),
  scores: f.object('scores') as Record<'person' | 'roleOnFreeMail' | 'role', number>,
}));

/** RFC 5321 limits: 64 characters before the `@`, 253 after. */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,24})$/i;
const SEGMENT = /[._-]/;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** Characters of an unquoted local part as people write them (`%` and `+` for sub-addressing). */
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 45 || c === 43 || c === 37;
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

function isUrlUserinfo(text: string, colon: number): boolean {
  const token = text.slice(Math.max(0, colon - 200), colon);
  const scheme = token.lastIndexOf('://');
  return scheme >= 0 && !/\s/.test(token.slice(scheme));
}

/** Header lines of a pasted e-mail whose `id@host` values are message identifiers, not mailboxes. */
const MESSAGE_ID_HEADER = /^[ \t>]*(?:message-id|in-reply-to|references|content-id|x-message-id):/i;

function inMessageIdHeader(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return MESSAGE_ID_HEADER.test(text.slice(lineStart, at));
}

interface Address {
  start: number;
  end: number;
  local: string;
  domain: string;
  tld: string;
}

/** Expands left and right from the `@` at `at`; undefined when the two sides do not make an address. */
function addressAt(text: string, at: number): Address | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
  // A sentence's full stop or a dash after the address is not part of it.
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  while (start < at && (text[start] === '.' || text[start] === '-')) start++;
  const local = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  if (local.length === 0 || local.includes('..') || inMessageIdHeader(text, start)) return undefined;
  // `https://user:secret@host` is a URL with credentials (another detector's business), `mailto:` is fine.
  if (text.charCodeAt(start - 1) === 58 && isUrlUserinfo(text, start - 1)) return undefined;
  const shape = DOMAIN.exec(domain);
  if (!shape) return undefined; // `user@host` without a dot-TLD, `pkg@4.17.21`
  const tld = shape[1]!.toLowerCase();
  if (RULES.fileExtensions.has(tld)) return undefined; // `logo@2x.png`
  return { start, end, local, domain: domain.toLowerCase(), tld };
}

/** Letters a compound needs besides its role word (`itbeheer`, `hrservice`): one letter is an initial (`jbeheer`). */
const MIN_COMPOUND_REST = 2;

/**
 * A segment that is a Dutch compound of a role word (rules: roleCompoundHeads, roleCompoundLeads), a department's
 * mailbox such as `klantenservicecentrum`, `crediteurenadministratie` or `servicedeskict` — unless the rest of the
 * compound is a first name (`janbeheer`: Jan's mailbox).
 */
function compoundRole(segment: string): boolean {
  const isRest = (rest: string) => rest.length >= MIN_COMPOUND_REST && /^[a-z]+$/.test(rest) && !FIRST_NAMES.has(rest);
  return (
    RULES.compoundHeads.some((head) => segment.endsWith(head) && isRest(segment.slice(0, -head.length))) ||
    RULES.compoundLeads.some((lead) => segment.startsWith(lead) && isRest(segment.slice(lead.length)))
  );
}

/**
 * The role a mailbox name stands for (`info`, `hr.afdeling` → `hr`, `seh.secretariaat` → `secretariaat`,
 * `functioneelbeheer`), if it is a role mailbox: any of its segments is a role word or a compound of one. Not after an
 * initial (`j.post@` is Mr Post's address), nor beside a first name (`jan.beheer@`, `fleur.planning@`: a person's).
 */
export function roleOf(local: string): string | undefined {
  const lower = local.toLowerCase();
  if (RULES.roles.has(lower)) return lower;
  // A `+tag` is the owner's own sorting label (`jan+nieuwsbrief@`), not the mailbox.
  const segments = lower.split('+')[0]!.split(SEGMENT);
  if (segments.length > 1 && segments[0]!.length === 1) return undefined;
  if (segments.length > 1 && segments.some((segment) => FIRST_NAMES.has(segment) && !RULES.roles.has(segment))) return undefined;
  return segments.find((segment) => RULES.roles.has(segment)) ?? segments.find(compoundRole);
}

const MAILBOX_NAME = /[A-Za-z0-9._%+-]{1,64}$/;

/** A Dutch postcode and the place after it (`3201 XB Spijkenisse`, `2511 CV Den Haag`). */
const POSTCODE_PLACE = /\b[1-9]\d{3} ?[A-Z]{2}\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)/g;
let placesText: string | undefined;
let places: Set<string> = new Set();

/** The places of the text's postal addresses, lower case without spaces (one text remembered: callers ask per address). */
function placesIn(text: string): Set<string> {
  if (text !== placesText) {
    places = new Set();
    POSTCODE_PLACE.lastIndex = 0;
    for (let m = POSTCODE_PLACE.exec(text); m; m = POSTCODE_PLACE.exec(text)) places.add(m[1]!.toLowerCase().replace(/[ -]/g, ''));
    placesText = text;
  }
  return places;
}

/**
 * A role mailbox, or a branch mailbox named after a place of the organisation's address in the same text
 * (`spijkenisse@` under `3201 XB Spijkenisse`): no person's.
 */
function mailboxRole(local: string, text: string): string | undefined {
  const role = roleOf(local);
  if (role || !/^[a-z]{3,}$/i.test(local)) return role;
  const lower = local.toLowerCase();
  return placesIn(text).has(lower) ? lower : undefined;
}

/**
 * A role mailbox within `window` characters before a span or `after` characters after it (`sales@…` next to a phone
 * number or a street): used by other detectors as company context. Returns e.g. `sales@`.
 */
export function roleMailboxNear(s: string, span: { start: number; end: number }, window: number, after = window): string | undefined {
  const to = Math.min(s.length, span.end + after);
  for (let at = s.indexOf('@', Math.max(0, span.start - window)); at >= 0 && at < to; at = s.indexOf('@', at + 1)) {
    const local = MAILBOX_NAME.exec(s.slice(Math.max(0, at - 64), at))?.[0];
    const role = local && mailboxRole(local, s);
    if (role) return `${role}@`;
  }
  return undefined;
}

/**
 * A mailbox whose name was blacked out for publication under the Woo (Wet open overheid): the ground's article number
 * stands in its place (`5.1.2e@provincie.nl`, art. 5.1 lid 2 sub e: privacy). No person can be read from it.
 */
const WOO_REDACTION = /^\d{1,2}(?:\.\d{1,2}){1,3}[a-z]?$/i;

const TABLE_COMPANY = 'email.tableCompany';
const TABLE_PERSONAL = 'email.tablePersonal';

/** Surnames as a mailbox writes them, without spaces: `devries`, `vanderberg`. */
const JOINED_SURNAMES: ReadonlySet<string> = new Set([...SURNAMES].map((n) => n.replace(/[\s'-]/g, '')));

/**
 * Whether a mailbox name reads as a person's: a first name in it (`piet.kuipers`, `pietkuipers`), an initial
 * (`m.kuipers`, `kuipers.m`), a listed surname (`jansen`, `devries`) or an initial before one (`jdevries`) or before
 * a role word (`jservice`).
 */
/** Endings of Dutch nouns that are no surnames (voorlichting, bereikbaarheid, kennisbank, wijkcentrum, …). */
const NOUN_ENDING = /(?:ing|heid|schap|teit|isme|bank|centrum|loket)$/;

/**
 * Whether the rest after a first name could be that person's surname or job: a listed surname, a role word (`janbeheer`:
 * Jan's mailbox), any word without a noun's ending. Not `ientenvoorlichting`, `nisbank`: words split by chance.
 */
function surnameLike(rest: string): boolean {
  return JOINED_SURNAMES.has(rest) || RULES.roles.has(rest) || !NOUN_ENDING.test(rest);
}

function personShaped(local: string): boolean {
  const segments = local.toLowerCase().split('+')[0]!.split(SEGMENT).filter(Boolean);
  if (segments.length > 1 && segments.some((segment) => segment.length === 1)) return true;
  // An initial before a role word (`jservice`, `mplanning`): the role word is that person's surname or their job.
  // Not a short one: `kit`, `cor` are no initials before `it`, `or`.
  if (segments.some((segment) => segment.length > 4 && RULES.roles.has(segment.slice(1)))) return true;
  return segments.some((segment) => {
    if (FIRST_NAMES.has(segment) || JOINED_SURNAMES.has(segment) || JOINED_SURNAMES.has(segment.slice(1))) return true;
    // A first name joined to a surname (`pietkuipers`); a short rest is a brand's syllable (`nedap` is not Ned), and
    // a rest that is a Dutch noun is a word split by chance (`pat|ientenvoorlichting`, `ken|nisbank`).
    for (let k = 3; k <= segment.length - 4; k++) if (FIRST_NAMES.has(segment.slice(0, k)) && surnameLike(segment.slice(k))) return true;
    return false;
  });
}

/**
 * A mailbox in a row of a table whose rows are mostly organisations' (a suppliers' or customers' list: Bedrijf |
 * E-mail | Telefoon), in a row and a header with no personal context, not named like a person (`hoeve@`, `glansrijke@`):
 * the organisation's address, as the phone numbers and IBANs of such rows are (table-row.ts). A table of persons
 * (Naam | E-mail) has no company rows; `j.devries@` in a supplier's row is still a named employee.
 */
function organisationTableMailbox(text: ScannedText, address: Address): boolean {
  const table = tableRow(text, address);
  if (!table || personShaped(address.local)) return false;
  const personal = text.hits(TABLE_PERSONAL);
  // A person's column anywhere in the header (Naam | Organisatie | E-mail: a participants' list) makes the rows persons.
  if (anyHitIn(personal, table.row) || anyHitIn(personal, table.headerLine)) return false;
  return mostlyCompanyRows(text, table, TABLE_COMPANY);
}

/** How far before a mailbox a personal label ("Contactpersoon: …", a column header right above) speaks for it. */
const PERSONAL_LABEL_WINDOW = 80;

/**
 * A mailbox not named like a person (`onderzoek@`, `groupcontrol@`) at the organisation's own domain (not free mail),
 * in a text that names no person, with no personal word shortly before it ("Contactpersoon: …") nor in its table row
 * or header: the organisation's mailbox, though its name is in no role list. Where the text names a person, the
 * mailbox could be theirs and keeps the judgement of its name.
 */
function organisationDocumentMailbox(text: ScannedText, address: Address): boolean {
  if (RULES.freeMail.has(address.domain) || personShaped(address.local) || namesAPerson(text)) return false;
  if (text.near(TABLE_PERSONAL, address, PERSONAL_LABEL_WINDOW, false)) return false;
  const personal = text.hits(TABLE_PERSONAL);
  const table = tableRow(text, address);
  return !table || !(anyHitIn(personal, table.row) || anyHitIn(personal, table.headerLine));
}

/**
 * The text's mailboxes as evidence of whose document it is: the first that is an organisation's, as a reason may quote it
 * (its role word, `onderzoek@`, or "an organisation's mailbox"; a role
 * mailbox or one as above, not at a free-mail domain), and whether any is a person's (a sender's
 * `olena.kovalenko@gmail.com`: a person in the document, who could own its other contact details).
 */
export function mailboxesIn(text: ScannedText): { organisation?: string; personal: boolean } {
  return text.memo('email.mailboxes', () => {
    const s = text.text;
    let organisation: string | undefined;
    for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      const address = addressAt(s, at);
      if (!address || WOO_REDACTION.test(address.local)) continue;
      const role = mailboxRole(address.local, s);
      if (RULES.freeMail.has(address.domain) || (!role && !organisationDocumentMailbox(text, address))) return { personal: true };
      // Quoted in a reason: only a role word from the rules, never a mailbox name read from the document (a judgement
      // "not named like a person" can be wrong, and a reason must not carry a person's address).
      organisation ??= role ? `${role}@` : "an organisation's mailbox";
    }
    return { organisation, personal: false };
  });
}

function judge(address: Address, text: string, scanned: ScannedText): Pick<Occurrence, 'confidence' | 'reason'> {
  if (WOO_REDACTION.test(address.local)) {
    return {
      confidence: RULES.scores.role,
      reason: `a redacted mailbox: the Woo ground "${address.local}" stands where the name was (no person can be read from it)`,
    };
  }
  const role = mailboxRole(address.local, text);
  const freeMail = RULES.freeMail.has(address.domain);
  if (!role && organisationTableMailbox(scanned, address)) {
    return {
      confidence: RULES.scores.role,
      reason: "mailbox not named like a person, in a row without personal context of a table whose rows are organisations': the organisation's address (weak)",
    };
  }
  if (!role && organisationDocumentMailbox(scanned, address)) {
    return {
      confidence: RULES.scores.role,
      reason: "mailbox not named like a person, at an organisation's own domain, in a document that names no person: the organisation's mailbox (weak)",
    };
  }
  if (!role) {
    return {
      confidence: RULES.scores.person,
      reason: freeMail
        ? 'e-mail address of a person at a personal free-mail domain'
        : 'e-mail address with a personal mailbox name (not a role such as info@ or facturen@)',
    };
  }
  if (freeMail) {
    return {
      confidence: RULES.scores.roleOnFreeMail,
      reason: `role mailbox name "${role}@" at a personal free-mail domain: usually a one-man business, which leads to a person`,
    };
  }
  return {
    confidence: RULES.scores.role,
    reason: `role or function mailbox "${role}@" of an organisation: not a person's address (weak)`,
  };
}

export const emailDetector: Detector = {
  id: 'email',
  category: 'email',
  wordLists: [
    { id: TABLE_COMPANY, words: RULES.tableCompany },
    { id: TABLE_PERSONAL, words: RULES.tablePersonal },
  ],
  detect(text: ScannedText) {
    const s = text.text;
    const occurrences: Occurrence[] = [];
    let from = 0;
    for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', from)) {
      from = at + 1;
      const address = addressAt(s, at);
      if (!address) continue;
      from = address.end;
      occurrences.push({
        start: address.start,
        end: address.end,
        ...judge(address, s, text),
        evidence: maskEmail(`${address.local}@${address.domain}`),
        value: `${address.local.toLowerCase()}@${address.domain}`,
      });
    }
    return occurrences;
  },
};
