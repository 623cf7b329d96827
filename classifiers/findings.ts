import type { Category, Finding, Span } from '../src/types.ts';
import { WEAK, type Detector, type Occurrence } from './detector.ts';

const round = (n: number) => Math.round(n * 100) / 100;
const byConfidence = (a: Finding, b: Finding) => b.confidence - a.confidence || a.category.localeCompare(b.category);

/**
 * Groups occurrences into one finding per category: the count, the best confidence, the masked evidence and reason
 * of the best occurrence. Decisive findings (confidence ≥ WEAK) and hints (weaker: shown to a reviewer, not
 * deciding the label) come back apart.
 */
export function aggregate(results: readonly { detector: Detector; occurrences: readonly Occurrence[] }[]): {
  findings: Finding[];
  hints: Finding[];
} {
  // Groups in order of their category's first occurrence. A text has a handful of categories at most, so a list
  // searched from the start costs less than a Map made per text; a text with no occurrence makes no group at all.
  const groups: Group[] = [];
  for (let r = 0; r < results.length; r++) {
    const { detector, occurrences } = results[r]!;
    for (let k = 0; k < occurrences.length; k++) {
      const o = occurrences[k]!;
      const category = o.category ?? detector.category;
      let g = 0;
      while (g < groups.length && groups[g]!.category !== category) g++;
      if (g === groups.length) groups.push({ category, detector: detector.id, occurrences: [] });
      groups[g]!.occurrences.push(o);
    }
  }
  const findings: Finding[] = [];
  const hints: Finding[] = [];
  for (const group of groups) {
    const { finding, strong } = findingOf(group);
    (strong ? findings : hints).push(finding);
  }
  if (findings.length > 1) findings.sort(byConfidence);
  if (hints.length > 1) hints.sort(byConfidence);
  return { findings, hints };
}

interface Group {
  category: Category;
  detector: string;
  occurrences: Occurrence[];
}

/** One category's finding: counted from its decisive occurrences, or from all of them when none is (a hint). */
function findingOf({ category, detector, occurrences }: Group): { finding: Finding; strong: boolean } {
  let strong = 0;
  for (let k = 0; k < occurrences.length; k++) if (occurrences[k]!.confidence >= WEAK) strong++;
  // Usually all of a category's occurrences are decisive or none is: then they are all counted, with no copy.
  const counted = strong === 0 || strong === occurrences.length ? occurrences : occurrences.filter((o) => o.confidence >= WEAK);
  let best = counted[0]!;
  for (let k = 1; k < counted.length; k++) if (counted[k]!.confidence > best.confidence) best = counted[k]!;
  const distinct = counted.length > 1 ? distinctValues(counted) : 1;
  const finding: Finding = {
    category,
    detector,
    count: counted.length,
    confidence: round(best.confidence),
    evidence: best.evidence,
    explanation:
      best.reason +
      (counted.length > 1 ? ` (${counted.length} occurrences${distinct < counted.length ? `, ${distinct} distinct` : ''})` : ''),
    spans: spansInOrder(counted),
  };
  return { finding, strong: strong > 0 };
}

/** Up to this many occurrences, distinct values are counted by comparing pairs (no Set, no string per offset). */
const FEW = 16;

/** How many distinct values the occurrences have (an occurrence without a value is told apart by its start). */
function distinctValues(occurrences: readonly Occurrence[]): number {
  if (occurrences.length > FEW) return new Set(occurrences.map((o) => o.value ?? `${o.start}`)).size;
  let distinct = 0;
  for (let k = 0; k < occurrences.length; k++) {
    let j = 0;
    while (j < k && !sameValue(occurrences[j]!, occurrences[k]!)) j++;
    if (j === k) distinct++;
  }
  return distinct;
}

/** Whether the two have the same key `value ?? \`${start}\`` (as a Set of those keys would tell). */
function sameValue(a: Occurrence, b: Occurrence): boolean {
  if (a.value != null && b.value != null) return a.value === b.value;
  if (a.value == null && b.value == null) return a.start === b.start; // offsets: integers, equal exactly when their strings are
  return (a.value ?? `${a.start}`) === (b.value ?? `${b.start}`);
}

/**
 * The occurrences' spans by start, ties in their order (a stable sort): by insertion, as the spans of one category
 * mostly come in text order already and are few.
 */
function spansInOrder(occurrences: readonly Occurrence[]): Span[] {
  // Many occurrences (a long list of names, found by several passes): insertion would be quadratic; Array.sort is stable.
  if (occurrences.length > FEW * 4) return occurrences.map((o) => ({ start: o.start, end: o.end })).sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  for (let k = 0; k < occurrences.length; k++) {
    const span = { start: occurrences[k]!.start, end: occurrences[k]!.end };
    let at = k;
    while (at > 0 && spans[at - 1]!.start > span.start) at--;
    if (at === k) spans.push(span);
    else spans.splice(at, 0, span);
  }
  return spans;
}
