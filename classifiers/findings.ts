import type { Category, Finding } from '../src/types.ts';
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
  const strong = occurrences.filter((o) => o.confidence >= WEAK);
  const counted = strong.length > 0 ? strong : occurrences;
  let best = counted[0]!;
  for (const o of counted) if (o.confidence > best.confidence) best = o;
  const distinct = counted.length > 1 ? new Set(counted.map((o) => o.value ?? `${o.start}`)).size : 1;
  const finding: Finding = {
    category,
    detector,
    count: counted.length,
    confidence: round(best.confidence),
    evidence: best.evidence,
    explanation:
      best.reason +
      (counted.length > 1 ? ` (${counted.length} occurrences${distinct < counted.length ? `, ${distinct} distinct` : ''})` : ''),
    spans: counted.map((o) => ({ start: o.start, end: o.end })).sort((a, b) => a.start - b.start),
  };
  return { finding, strong: strong.length > 0 };
}
