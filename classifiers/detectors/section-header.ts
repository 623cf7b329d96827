/**
 * The header of the form section a field sits in: "1. Gegevens organisatie" above "Adres: …" and "Telefoonnummer: …".
 * A field far below its section's header (a blank form, a long block) has no context word within the detectors'
 * windows; the header says whose details the section holds. Read only at a found value, a few lines up.
 */
import type { Span } from '../../src/types.ts';
import type { ScannedText } from '../text/scanned-text.ts';

/** How many lines above the field a header may stand (a form section is a short block). */
const MAX_LINES = 12;
/**
 * A header line: a short title, optionally enumerated ("1.", "B)") or ending in a colon. No digits or colon inside
 * it: "Adres: Kamperstraat 7" and "Naam organisatie: …" are fields of the section, not its header.
 */
const HEADER = /^[ \t]*(?:[0-9A-Za-z]{1,2}[.)][ \t]+)?[^\d:@\t\r\n]{3,60}:?[ \t\r]*$/;

/**
 * The nearest header line above `pos` within its blank-line-separated block, or undefined (no header in the block,
 * or `pos` on the block's first line).
 */
export function sectionHeader(text: ScannedText, pos: number): Span | undefined {
  const s = text.text;
  let line = text.lineAround(pos);
  for (let k = 0; k < MAX_LINES && line.start > 0; k++) {
    line = text.lineAround(line.start - 1);
    const content = s.slice(line.start, line.end);
    if (content.trim() === '') return undefined; // the block ends here
    if (HEADER.test(content)) return line;
  }
  return undefined;
}
