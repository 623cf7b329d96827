/**
 * Person-name recall and precision on the Europeana Newspapers Dutch NER corpus (KB, 1810s–1860s, OCR text with
 * manual BIO tags; CC0): shared/testdata/ner-nl/enp_NL.kb.bio. The tokens are joined with single spaces into one
 * text (offsets kept); a gold name (B-PER + I-PER tokens) counts as found when any person-name occurrence
 * overlaps it; an occurrence is correct when it overlaps a gold name. The tags are somewhat inconsistent and
 * the text OCR-noisy: the numbers measure progress, not absolute quality.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Detector, Occurrence } from '../../classifiers/detector.ts';
import { WEAK } from '../../classifiers/detector.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
import type { Span } from '../types.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/testdata/ner-nl/enp_NL.kb.bio', import.meta.url));

export interface NameScores {
  /** Gold person names (B-PER spans). */
  gold: number;
  /** Person-name occurrences, and those strong enough to decide a label (confidence ≥ WEAK). */
  occurrences: number;
  strongOccurrences: number;
  /** Share of gold names overlapped by any occurrence / by a strong one. */
  recall: number;
  strongRecall: number;
  /** Share of occurrences / strong occurrences that overlap a gold name. */
  precision: number;
  strongPrecision: number;
  /** Characters of reconstructed text. */
  chars: number;
}

/** The corpus as text with the gold person-name spans. */
export async function nerCorpus(): Promise<{ text: string; names: Span[] }> {
  if (!existsSync(CORPUS)) {
    throw new Error(`ner-nl corpus not found at ${CORPUS}: the shared test data (shared/testdata/) must sit beside the project folder`);
  }
  const lines = (await readFile(CORPUS, 'utf8')).split('\n');
  const parts: string[] = [];
  const names: Span[] = [];
  let offset = 0;
  let open: Span | undefined;
  for (const line of lines) {
    const space = line.lastIndexOf(' ');
    if (space <= 0) {
      open = undefined;
      continue;
    }
    const token = line.slice(0, space);
    const tag = line.slice(space + 1).trim();
    const span = { start: offset, end: offset + token.length };
    parts.push(token);
    offset = span.end + 1;
    if (tag === 'B-PER') names.push((open = { ...span }));
    else if (tag === 'I-PER' && open) open.end = span.end;
    else open = undefined;
  }
  return { text: parts.join(' '), names };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Sorted spans: does any of them overlap `span`? (Binary search on start; spans are short.) */
function anyOverlap(sorted: readonly Span[], span: Span, longest: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < span.start - longest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]!.start < span.end; i++) if (overlaps(sorted[i]!, span)) return true;
  return false;
}

function score(gold: readonly Span[], found: readonly Occurrence[]): { recall: number; precision: number } {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const longest = Math.max(0, ...sorted.map((o) => o.end - o.start), ...gold.map((g) => g.end - g.start));
  const hit = gold.filter((g) => anyOverlap(sorted, g, longest)).length;
  const correct = sorted.filter((o) => anyOverlap(gold, o, longest)).length;
  return { recall: gold.length ? hit / gold.length : 0, precision: sorted.length ? correct / sorted.length : 0 };
}

export async function nameRecall(detectors: readonly Detector[]): Promise<NameScores> {
  const { text, names } = await nerCorpus();
  const scanned = new ScannedText(text, new Vocabulary(detectors.flatMap((d) => d.wordLists ?? [])));
  const found = detectors.flatMap((d) => d.detect(scanned).filter((o) => (o.category ?? d.category) === 'person-name'));
  const strong = found.filter((o) => o.confidence >= WEAK);
  const all = score(names, found);
  const decisive = score(names, strong);
  return {
    gold: names.length,
    occurrences: found.length,
    strongOccurrences: strong.length,
    recall: all.recall,
    strongRecall: decisive.recall,
    precision: all.precision,
    strongPrecision: decisive.precision,
    chars: text.length,
  };
}
