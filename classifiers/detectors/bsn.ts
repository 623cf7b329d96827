import type { Detector, Occurrence } from '../detector.ts';
import { elevenTest } from '../checksums.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';

const RULES = loadRule('detectors/bsn.json', (_, f) => ({
  context: f.strings('context'),
  lookalikeContext: f.strings('lookalikeContext'),
  window: f.number('contextWindow', 1, 500),
  scores: f.object('scores') as Record<'checksumOnly' | 'checksumInBsnColumn' | 'withContext' | 'lookalike', number>,
}));

const CONTEXT = 'bsn.context';
const LOOKALIKE = 'bsn.lookalike';
/**
 * How BSNs are written: 9 digits (8 where a leading zero was dropped), or groups 4.2.3 / 3.3.3 with one kind of
 * separator (space, dot or hyphen). A digit run is checked by its characters: most runs are dates, amounts and
 * phone numbers, and a run of any other length is rejected before anything is sliced.
 */
function hasBsnShape(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 8 || length === 9) return allDigits(text, start, end);
  if (length !== 11) return false;
  // 4.2.3 and 3.3.3 both have their second separator at 7; the first, the same character, at 4 or at 3.
  const sep = text.charCodeAt(start + 7);
  if ((sep !== 32 && sep !== 46 && sep !== 45) || !allDigits(text, start + 8, end)) return false;
  const first = text.charCodeAt(start + 4) === sep ? 4 : text.charCodeAt(start + 3) === sep ? 3 : 0;
  return first > 0 && allDigits(text, start, start + first) && allDigits(text, start + first + 1, start + 7);
}
function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
/** A BSN column: most 9-digit numbers in the document pass the 11-test (random numbers: about 1 in 11). */
const COLUMN_SHARE = 0.6;

// Hot helpers at module level, not closures made per call (tsx's keepNames names every such function it makes).
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const distanceTo = (c: { start: number; end: number }, hit: { start: number; end: number }) =>
  hit.end <= c.start ? c.start - hit.end : hit.start - c.end;

function isBoundary(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // Not glued to letters (IBAN, postcode, codes), not a phone number (+31…), not an amount (€ 123.456.789,00).
  if (isAlnum(before) || isAlnum(after) || before === 43 || before === 8364) return false;
  if (after === 44 && /\d/.test(text[end + 1] ?? '')) return false;
  return true;
}

interface Candidate { start: number; end: number; digits: string; raw: string }

const NO_CANDIDATES: readonly Candidate[] = [];

function candidates(text: ScannedText): readonly Candidate[] {
  let found: Candidate[] | undefined; // made at the first candidate: most texts have none
  const runs = text.digitRunPairs();
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (!hasBsnShape(text.text, start, end) || !isBoundary(text.text, start, end)) continue;
    const raw = text.text.slice(start, end);
    (found ??= []).push({ start, end, raw, digits: raw.length === 11 ? raw.replace(/\D/g, '') : raw });
  }
  return found ?? NO_CANDIDATES;
}

export const bsnDetector: Detector = {
  id: 'bsn',
  category: 'bsn',
  wordLists: [
    { id: CONTEXT, words: RULES.context },
    { id: LOOKALIKE, words: RULES.lookalikeContext },
  ],
  detect(text) {
    const all = candidates(text);
    if (all.length === 0) return [];
    const nineDigit = all.filter((c) => c.digits.length === 9);
    const passing = nineDigit.filter((c) => elevenTest(c.digits)).length;
    const documentHasContext = text.hits(CONTEXT).length > 0;
    const bsnColumn = documentHasContext && nineDigit.length >= 3 && passing / nineDigit.length >= COLUMN_SHARE;

    const occurrences: Occurrence[] = [];
    for (const c of all) {
      const digits = c.digits.length === 8 ? `0${c.digits}` : c.digits;
      if (!elevenTest(digits)) continue;
      const context = text.near(CONTEXT, c, RULES.window);
      const lookalike = text.near(LOOKALIKE, c, RULES.window, false);
      const masked = maskKeepLast(c.raw);
      let confidence: number;
      let reason: string;
      if (context && (!lookalike || distanceTo(c, context) <= distanceTo(c, lookalike))) {
        confidence = RULES.scores.withContext;
        reason = `valid 11-test number with context word "${context.entry}" ${distanceTo(c, context)} characters away`;
      } else if (c.digits.length === 8) {
        continue; // an 8-digit number is a BSN only where the text says so
      } else if (lookalike) {
        confidence = RULES.scores.lookalike;
        reason = `passes the 11-test, but "${lookalike.entry}" nearby says it is another kind of number`;
      } else if (bsnColumn) {
        confidence = RULES.scores.checksumInBsnColumn;
        reason = `valid 11-test number; the document names a BSN and ${passing} of ${nineDigit.length} nine-digit numbers pass the 11-test (random numbers: about 1 in 11)`;
      } else {
        confidence = RULES.scores.checksumOnly;
        reason = 'nine digits that pass the 11-test, without a context word (weak: about 1 in 11 random numbers pass)';
      }
      occurrences.push({
        start: c.start,
        end: c.end,
        confidence,
        evidence: evidence(masked, context ? 'BSN' : undefined),
        reason,
        value: digits,
      });
    }
    return occurrences;
  },
};

