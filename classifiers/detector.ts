import type { Category } from '../src/types.ts';
import type { ScannedText } from './text/scanned-text.ts';
import type { WordList } from './text/vocabulary.ts';

/**
 * One occurrence a detector reports. `evidence` is already masked; `value` is the normalised raw value,
 * kept in memory only to count distinct values, and never leaves the classifier.
 */
export interface Occurrence {
  start: number;
  end: number;
  /** 0–1. Below `WEAK` an occurrence is reported but does not decide the label. */
  confidence: number;
  /** Masked, with a little context, e.g. `BSN: ****.**.782`. */
  evidence: string;
  /** Why this occurrence fired: pattern, checksum result, supporting context word, score before/after. */
  reason: string;
  value?: string;
  /** When a detector reports more than one category (e.g. id-document reporting a BSN from an MRZ). */
  category?: Category;
}

/** Confidence below which an occurrence is weak evidence: listed, but not enough to set a label. */
export const WEAK = 0.5;

/**
 * A detector finds one category of personal data in text. Patterns and word lists live in rules/;
 * code is for checksums and structure. Word lists declared here are compiled once, together with every
 * other detector's, into the single keyword pass of `ScannedText`.
 */
export interface Detector {
  readonly id: string;
  readonly category: Category;
  readonly wordLists?: readonly WordList[];
  detect(text: ScannedText): Occurrence[];
}
