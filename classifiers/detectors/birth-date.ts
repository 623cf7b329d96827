/**
 * Dates as people write them on forms and in letters, read at the start of a short slice of text:
 * 12-03-1985, 12/03/1985, 12.03.1985, 1985-03-12, 12 maart 1985, 12 mrt. 1985, March 12, 1985.
 * Validated as calendar dates and as a plausible birth date (not in the future, not over `maxAge` years ago).
 */

export interface ParsedDate {
  /** Length of the date text from the start of the slice. */
  length: number;
  raw: string;
  /** ISO yyyy-mm-dd. */
  iso: string;
  /** Offset of the year inside `raw` and its length (the part evidence keeps). */
  yearAt: number;
  yearLength: number;
}

export type Months = Readonly<Record<string, number>>;

const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;
const ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const DAY_MONTH = /^(\d{1,2})(?:e|ste|de|st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?([A-Za-z]{3,9})(?:\/[A-Za-z]{3,9})?\.?,?[ \u00a0]+(\d{4})(?!\d)/;
const MONTH_DAY = /^([A-Za-z]{3,9})\.?[ \u00a0]+(\d{1,2})(?:st|nd|rd|th)?,?[ \u00a0]+(\d{4})(?!\d)/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A two-digit year of birth: this century unless that lies in the future. */
function fullYear(raw: string, now: Date): number {
  const y = Number(raw);
  if (raw.length === 4) return y;
  return 2000 + y <= now.getUTCFullYear() ? 2000 + y : 1900 + y;
}

function valid(year: number, month: number, day: number, now: Date, maxAge: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const time = Date.UTC(year, month - 1, day);
  return time <= now.getTime() && year >= now.getUTCFullYear() - maxAge;
}

const pad = (n: number) => String(n).padStart(2, '0');

function result(raw: string, year: number, month: number, day: number, yearText: string): ParsedDate {
  const yearAt = raw.lastIndexOf(yearText);
  return { length: raw.length, raw, iso: `${year}-${pad(month)}-${pad(day)}`, yearAt, yearLength: yearText.length };
}

/** The birth date at the start of `slice`, or undefined (no date, no such day, or implausible as a birth date). */
export function birthDateAt(slice: string, months: Months, now: Date, maxAge: number): ParsedDate | undefined {
  let m = NUMERIC.exec(slice);
  if (m) {
    const year = fullYear(m[4]!, now);
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dutch order is day-month; a month above 12 can only be the American month-day order.
    if (valid(year, b, a, now, maxAge)) return result(m[0], year, b, a, m[4]!);
    if (b > 12 && valid(year, a, b, now, maxAge)) return result(m[0], year, a, b, m[4]!);
    return undefined;
  }
  m = ISO.exec(slice);
  if (m) {
    const year = Number(m[1]);
    return valid(year, Number(m[3]), Number(m[4]), now, maxAge) ? result(m[0], year, Number(m[3]), Number(m[4]), m[1]!) : undefined;
  }
  m = DAY_MONTH.exec(slice);
  if (m) {
    const month = months[m[2]!.toLowerCase()];
    const year = Number(m[3]);
    return month && valid(year, month, Number(m[1]), now, maxAge) ? result(m[0], year, month, Number(m[1]), m[3]!) : undefined;
  }
  m = MONTH_DAY.exec(slice);
  if (m) {
    const month = months[m[1]!.toLowerCase()];
    const year = Number(m[3]);
    return month && valid(year, month, Number(m[2]), now, maxAge) ? result(m[0], year, month, Number(m[2]), m[3]!) : undefined;
  }
  return undefined;
}

const mask = (s: string) => s.replace(/[A-Za-z0-9]/g, '*');

/** Everything but the year masked: `12 maart 1985` → `** ***** 1985`. */
export function maskBirthDate(date: ParsedDate): string {
  const { raw, yearAt, yearLength } = date;
  return mask(raw.slice(0, yearAt)) + raw.slice(yearAt, yearAt + yearLength) + mask(raw.slice(yearAt + yearLength));
}
