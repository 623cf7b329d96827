import type { Finding } from '../types.ts';
import type { RetentionContract } from '../retention/types.ts';
import type { StoredClassification } from '../store/store.ts';

/**
 * One document in the JSON Lines contract of `bewaarder classify --json` (DESIGN.md), which `bewaarder list --json`
 * repeats for stored results: masked findings with their explanations, never the text.
 */
export function contractOf(path: string, c: StoredClassification, retention?: RetentionContract) {
  const finding = (f: Finding) => ({
    category: f.category,
    count: f.count,
    confidence: f.confidence,
    evidence: f.evidence,
    explanation: f.explanation,
    detector: f.detector,
    ...(f.part ? { part: f.part } : {}),
  });
  return {
    path,
    label: c.label,
    documentType: c.documentType,
    categories: c.categories,
    findings: c.findings.map(finding),
    hints: c.hints.map(finding),
    documentTypeConfidence: c.documentTypeConfidence,
    reasons: { label: c.labelReason, documentType: c.documentTypeReason },
    format: c.format,
    ...(c.parts.length ? { parts: c.parts } : {}),
    ...(c.warnings.length ? { warnings: c.warnings } : {}),
    ...(retention ? { retention } : {}),
  };
}
