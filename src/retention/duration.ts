/**
 * ISO 8601 durations as retention terms use them: years, months, weeks and days (`P7Y`, `P4W`, `P1Y6M`, `P0D`).
 * Times of day are refused: a term is counted in calendar days.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** The duration, or undefined when `text` is not one (the policy check words the error). */
export function parseDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text);
  if (!m || text === 'P') return undefined;
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  return { years: n(m[1]), months: n(m[2]), weeks: n(m[3]), days: n(m[4]) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day YYYY-MM-DD that exists (2025-02-30 does not). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The calendar day (UTC) of a time or a day. */
export function dayOf(time: string | Date): string {
  return (typeof time === 'string' ? new Date(time) : time).toISOString().slice(0, 10);
}

/**
 * `day` plus the duration. Months and years keep the day of the month, clamped to the month's end (31 January plus
 * one month is 28 or 29 February): a term never ends later than the calendar says.
 */
export function addDuration(day: string, duration: Duration | string): string {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!d) throw new Error(`not an ISO 8601 duration: ${String(duration)}`);
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  const months = (m - 1) + d.months + d.years * 12;
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const base = Date.UTC(year, month, Math.min(dd, lastDay));
  return new Date(base + (d.weeks * 7 + d.days) * 86_400_000).toISOString().slice(0, 10);
}
