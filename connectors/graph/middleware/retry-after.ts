/** How long a 429/503 asks us to wait, in ms: `Retry-After` is seconds (fractions allowed) or an HTTP date. */
export function retryAfterMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential backoff with jitter (0.5×–1.5×), so retrying clients do not come back in step; at most a minute. */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  return Math.min(60_000, baseMs * 2 ** attempt * (0.5 + random()));
}
