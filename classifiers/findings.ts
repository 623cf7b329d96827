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
  const groups = new Map<Category, { detector: string; occurrences: Occurrence[] }>();
  for (const { detector, occurrences } of results) {
    for (const o of occurrences) {
      const category = o.category ?? detector.category;
      let group = groups.get(category);
      if (!group) groups.set(category, (group = { detector: detector.id, occurrences: [] }));
      group.occurrences.push(o);
    }
  }
  const findings: Finding[] = [];
  const hints: Finding[] = [];
  for (const [category, group] of groups) {
    const strong = group.occurrences.filter((o) => o.confidence >= WEAK);
    const counted = strong.length > 0 ? strong : group.occurrences;
    let best = counted[0]!;
    for (const o of counted) if (o.confidence > best.confidence) best = o;
    const distinct = new Set(counted.map((o) => o.value ?? `${o.start}`)).size;
    const finding: Finding = {
      category,
      detector: group.detector,
      count: counted.length,
      confidence: round(best.confidence),
      evidence: best.evidence,
      explanation:
        best.reason +
        (counted.length > 1 ? ` (${counted.length} occurrences${distinct < counted.length ? `, ${distinct} distinct` : ''})` : ''),
      spans: counted.map((o) => ({ start: o.start, end: o.end })).sort((a, b) => a.start - b.start),
    };
    (strong.length > 0 ? findings : hints).push(finding);
  }
  return { findings: findings.sort(byConfidence), hints: hints.sort(byConfidence) };
}
