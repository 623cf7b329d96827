import type { Detector, Occurrence } from '../../classifiers/detector.ts';
import { WEAK } from '../../classifiers/detector.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';

const vocabularies = new WeakMap<readonly Detector[], Vocabulary>();

/** Runs detectors on a text the way the pipeline does: one shared vocabulary, one ScannedText. */
export function detect(detector: Detector | readonly Detector[], text: string): Occurrence[] {
  const detectors = Array.isArray(detector) ? (detector as readonly Detector[]) : [detector as Detector];
  let vocabulary = vocabularies.get(detectors);
  if (!vocabulary) {
    vocabulary = new Vocabulary(detectors.flatMap((d) => d.wordLists ?? []));
    vocabularies.set(detectors, vocabulary);
  }
  const scanned = new ScannedText(text, vocabulary);
  return detectors.flatMap((d) => d.detect(scanned));
}

/** Occurrences strong enough to decide a label. */
export function strong(detector: Detector | readonly Detector[], text: string): Occurrence[] {
  return detect(detector, text).filter((o) => o.confidence >= WEAK);
}

/** The standard table row: `expect` is 'strong' (decides a label), 'weak' (listed only) or 'none'. */
export interface Case {
  text: string;
  expect: 'strong' | 'weak' | 'none';
  why: string;
}

export function outcome(detector: Detector, text: string): Case['expect'] {
  const found = detect(detector, text);
  if (found.some((o) => o.confidence >= WEAK)) return 'strong';
  return found.length > 0 ? 'weak' : 'none';
}
