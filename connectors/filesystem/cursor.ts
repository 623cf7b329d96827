/**
 * A folder listing's resume point: the path of the last file listed, as segments. Opaque to everything but this
 * connector; versioned so a future format can tell old cursors apart (an unknown one restarts the listing).
 */
export function encodeCursor(segments: readonly string[]): string {
  return JSON.stringify({ v: 1, after: segments });
}

export function decodeCursor(cursor: string | null | undefined): string[] | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(cursor) as { v?: number; after?: unknown };
    if (parsed.v === 1 && Array.isArray(parsed.after) && parsed.after.every((s) => typeof s === 'string')) return parsed.after;
  } catch {
    // fall through: start over
  }
  return null;
}
