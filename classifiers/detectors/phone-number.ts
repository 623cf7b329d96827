/**
 * Structure of phone numbers, apart from the detector's scoring: parses the text at a digit run into a
 * Dutch or international number, or rejects it (dates, IBAN digits, KvK numbers, too few or many digits).
 */

export interface PhoneNumber {
  start: number;
  end: number;
  raw: string;
  /** E.164 without separators, e.g. `+31612345678`. */
  e164: string;
  /** Dutch numbers: the national significant number (without 0 or +31). */
  nsn?: string;
  kind: 'mobile' | 'landline' | 'service' | 'international';
}

export interface PhonePrefixes {
  service: readonly string[];
  company: readonly string[];
  internationalMobile: readonly string[];
}

const SPACE = '[ \\u00a0]';
const SEP = `(?:${SPACE}?[.\\-/]${SPACE}?|${SPACE})`;
/** A number-shaped token: optional `+`, digit groups with single separators, an area code or `(0)` in brackets. */
const TOKEN = new RegExp(`(?:\\+${SPACE}?)?(?:\\(\\d{1,4}\\)${SPACE}?)?\\d(?:${SEP}?(?:\\(\\d{1,4}\\)|\\d))*`, 'y');
/** dd-mm-yyyy (same separator twice) or yyyy-mm-dd at the start: a date, perhaps followed by a time. */
const DATE_SHAPE = /^\(?\d{1,2}([-./])\d{1,2}\1\d{2,4}(?!\d)|^\d{4}-\d{2}-\d{2}/;
/** Four capitals and a space before the digits: the bank code of a spaced IBAN (`ABNA 0417 1643 00`). */
const IBAN_BANK = /(?:^|[^A-Za-z])[A-Z]{4} $|[A-Z]{2}\d{2} $/;
const CUT = /(?:[ \u00a0]?[.\-/][ \u00a0]?|[ \u00a0])[\d()]*$/;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** Where a phone number may start for the digit run at `runStart`: at a `+`, a `(`, or a leading 0. */
export function phoneStart(text: string, runStart: number): number | undefined {
  // No read before the text's start: one such read slows every read of the function down.
  if (runStart === 0) return text.charCodeAt(0) === 48 ? 0 : undefined;
  const before = text.charCodeAt(runStart - 1);
  if (before === 43) return runStart - 1; // +
  if (before === 32 && runStart >= 2 && text.charCodeAt(runStart - 2) === 43) return runStart - 2; // "+ 31"
  if (before === 40) return runStart - 1; // (
  return text.charCodeAt(runStart) === 48 ? runStart : undefined; // 0
}

function classifyDutch(nsn: string, national: string, prefixes: PhonePrefixes): PhoneNumber['kind'] | undefined {
  if (prefixes.service.some((p) => national.startsWith(p))) {
    return nsn.length === 7 || nsn.length === 10 ? 'service' : undefined;
  }
  if (nsn.length !== 9 || nsn[0] === '0') return undefined;
  if (nsn[0] === '6') return /^6[1-58]/.test(nsn) ? 'mobile' : undefined;
  if (nsn.startsWith('97')) return undefined; // machine-to-machine numbers
  return 'landline';
}

function parse(raw: string, prefixes: PhonePrefixes): Omit<PhoneNumber, 'start' | 'end'> | undefined {
  if (DATE_SHAPE.test(raw)) return undefined;
  const plus = raw.startsWith('+');
  const international = plus || raw.startsWith('00');
  if (international) {
    const digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '').slice(plus ? 0 : 2);
    if (digits[0] === '0' || digits.length < 8 || digits.length > 15) return undefined;
    if (digits.startsWith('31')) {
      const nsn = digits.length === 12 && digits[2] === '0' ? digits.slice(3) : digits.slice(2);
      const kind = classifyDutch(nsn, `0${nsn}`, prefixes);
      return kind && { raw, e164: `+31${nsn}`, nsn, kind };
    }
    const kind = prefixes.internationalMobile.some((p) => digits.startsWith(p)) ? 'mobile' : 'international';
    return { raw, e164: `+${digits}`, kind };
  }
  const groups = raw.split(/[^\d]+/).filter((g) => g.length > 0);
  const national = groups.join('');
  if (national[0] !== '0' || national[1] === '0') return undefined;
  // How people group a number: an area code of 2–4 digits, then groups of at least two digits.
  if (groups.length > 1 && (groups[0]!.length > 4 || groups.slice(1).some((g) => g.length < 2))) return undefined;
  // An ungrouped 8-digit number is a KvK number, not 0800-1234.
  if (national.length === 8 && groups.length === 1) return undefined;
  const nsn = national.slice(1);
  const kind = classifyDutch(nsn, national, prefixes);
  return kind && { raw, e164: `+31${nsn}`, nsn, kind };
}

/** IBAN_BANK can only match the six characters before `start` when they end in a capital or digit and a space. */
function mayFollowBankCode(text: string, start: number): boolean {
  if (start < 5 || text.charCodeAt(start - 1) !== 32) return false;
  const c = text.charCodeAt(start - 2);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Every number parse accepts has at least 8 digits (a 9-digit NSN after 0, a service number 0800-1234, 8+ abroad). */
const MIN_DIGITS = 8;
function digitCount(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) >= 48 && raw.charCodeAt(i) <= 57) n++;
  return n;
}

/** The phone number that starts at `start`, trimming trailing groups that do not belong to it. */
export function phoneAt(text: string, start: number, prefixes: PhonePrefixes): PhoneNumber | undefined {
  if (start > 0 && isAlnum(text.charCodeAt(start - 1))) return undefined;
  if (mayFollowBankCode(text, start) && IBAN_BANK.test(text.slice(Math.max(0, start - 6), start))) return undefined;
  TOKEN.lastIndex = start;
  const match = TOKEN.exec(text);
  // A bracket that opens no area code, as in "(06-12345678)", only encloses the number: read from the digit.
  if (!match) return text.charCodeAt(start) === 40 ? phoneAt(text, start + 1, prefixes) : undefined;
  // Amounts, times and short codes ("0,50", "06", "0800"): too few digits for any number, and trimming only removes digits.
  if (digitCount(match[0]) < MIN_DIGITS) return undefined;
  let raw = match[0];
  for (let tries = 0; tries < 4 && raw.length > 0; tries++) {
    const end = start + raw.length;
    const after = text.charCodeAt(end);
    const glued = isAlnum(after) || (after === 44 && /\d/.test(text[end + 1] ?? '')); // 0612345678B01, 0,50
    const number = glued ? undefined : parse(raw, prefixes);
    if (number) return { start, end, ...number };
    if (glued && tries === 0 && raw === match[0]) return undefined;
    const cut = CUT.exec(raw);
    if (!cut) return undefined;
    raw = raw.slice(0, cut.index);
  }
  return undefined;
}
