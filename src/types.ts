/**
 * The product's core vocabulary: categories of personal data, the three labels of the DMS metadata model
 * ("soort persoonsgegevens"), and the findings that explain a label. Shared by every layer.
 */

/** Category ids as used in findings and `categories` (DESIGN.md contract: add ids, never rename). */
export const CATEGORIES = [
  'person-name', 'email', 'phone', 'address', 'date-of-birth', 'iban', 'bsn', 'id-document',
  'health', 'ethnicity', 'political', 'religion', 'trade-union', 'genetic', 'biometric',
  'sexual-orientation', 'criminal', 'credentials', 'financial', 'ip-address',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The categories that make a document `bijzonder`: AVG art. 9 and 10, the BSN (UAVG art. 46) and ID copies. */
export const SPECIAL_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'bsn', 'id-document', 'health', 'ethnicity', 'political', 'religion', 'trade-union', 'genetic',
  'biometric', 'sexual-orientation', 'criminal',
]);

/** `geen` (no personal data) < `generiek` (ordinary personal data) < `bijzonder` (special personal data). */
export const LABELS = ['geen', 'generiek', 'bijzonder'] as const;
export type Label = (typeof LABELS)[number];

export function labelRank(label: Label): number {
  return LABELS.indexOf(label);
}

export function maxLabel(a: Label, b: Label): Label {
  return labelRank(a) >= labelRank(b) ? a : b;
}

/** The label a category implies when it is found with enough confidence. */
export function labelOfCategory(category: Category): Label {
  return SPECIAL_CATEGORIES.has(category) ? 'bijzonder' : 'generiek';
}

/** Where an occurrence sits in the text: character offsets, never the text itself. */
export interface Span {
  start: number;
  end: number;
}

/** One category of personal data found in a document, aggregated over its occurrences. */
export interface Finding {
  category: Category;
  /** The detector that found it (e.g. `bsn`, `special-category`). */
  detector: string;
  /** Number of occurrences. */
  count: number;
  /** Highest confidence of any occurrence, 0–1. */
  confidence: number;
  /** Masked evidence of the most confident occurrence, e.g. `BSN: ****.**.782`. Never the raw value. */
  evidence: string;
  /** Why it fired, in words a records manager reads. */
  explanation: string;
  /** Offsets of the occurrences (for highlighting in a viewer that has the document itself). */
  spans: Span[];
  /** Which part of a container (attachment, zip member) it came from; absent for the main text. */
  part?: string;
}
