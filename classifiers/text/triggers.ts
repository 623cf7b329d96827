/**
 * Trigger facts: whether a text holds what some detector's whole-text search starts from, so that a text without it
 * skips the search. The WebAssembly scan computes them in its character loop (scan.as.ts: triggerBits); the
 * patterns here are the reference (the JavaScript scanner, texts longer than one chunk). Bits of one number.
 */
/** `<`, `«` or `‹`: the filler of a machine-readable zone (mrz.ts; its anchor also takes `KKK`, which is not a fact here). */
export const MRZ_MARK = 1;
/** `::`, or `:`, one to four hex digits, `:`: where an IPv6 address is anchored (ip-address.ts: IPV6_ANCHOR). */
export const IPV6_COLON = 2;

const MRZ_MARK_CHARS = /[<«‹]/;
const IPV6_ANCHOR = /::|:[0-9A-Fa-f]{1,4}:/;

export function triggerFacts(text: string): number {
  return (MRZ_MARK_CHARS.test(text) ? MRZ_MARK : 0) | (IPV6_ANCHOR.test(text) ? IPV6_COLON : 0);
}
