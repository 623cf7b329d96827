/**
 * Span recall per annotation type on the Dutch care-record texts of nedap/deidentify (MIT):
 * shared/testdata/deid-nl, brat `.ann` files beside their `.txt`. A gold span counts as found when any
 * occurrence of any detector overlaps it. The same text appears in several folders, once with annotations and
 * elsewhere with an empty `.ann`; texts are de-duplicated by content, keeping the most annotated copy (an
 * empty copy means "not annotated", not "no personal data").
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Detector } from '../../classifiers/detector.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/testdata/deid-nl/', import.meta.url));

export interface Annotation {
  type: string;
  start: number;
  end: number;
}

export interface TypeRecall {
  gold: number;
  found: number;
  recall: number;
}

export interface SpanRecall {
  documents: number;
  types: Record<string, TypeRecall>;
  overall: TypeRecall;
}

/** brat standoff: `T1<TAB>Name 23 39<TAB>text` (some files use spaces); discontinuous spans `0 5;8 12` are joined. */
const TEXT_BOUND = /^T\d+\s+(\S+)\s+(\d+ \d+(?:;\d+ \d+)*)\s/;

export function parseAnn(ann: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of ann.split('\n')) {
    const m = TEXT_BOUND.exec(line);
    if (!m) continue;
    const offsets = m[2]!.split(/[; ]/).map(Number);
    out.push({ type: m[1]!, start: Math.min(...offsets), end: Math.max(...offsets) });
  }
  return out;
}

async function pairs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await pairs(path)));
    else if (entry.name.endsWith('.txt') && existsSync(path.replace(/\.txt$/, '.ann'))) found.push(path);
  }
  return found.sort();
}

/** Unique annotated texts: content → its most annotated copy. */
export async function deidCorpus(): Promise<{ text: string; annotations: Annotation[] }[]> {
  if (!existsSync(CORPUS)) {
    throw new Error(`deid-nl corpus not found at ${CORPUS}: the shared test data (shared/testdata/) must sit beside the project folder`);
  }
  const byText = new Map<string, Annotation[]>();
  for (const txt of await pairs(CORPUS)) {
    const text = await readFile(txt, 'utf8');
    const annotations = parseAnn(await readFile(txt.replace(/\.txt$/, '.ann'), 'utf8'));
    if (annotations.length >= (byText.get(text)?.length ?? 0)) byText.set(text, annotations);
  }
  return [...byText].filter(([, a]) => a.length > 0).map(([text, annotations]) => ({ text, annotations }));
}

export async function spanRecall(detectors: readonly Detector[]): Promise<SpanRecall> {
  const vocabulary = new Vocabulary(detectors.flatMap((d) => d.wordLists ?? []));
  const documents = await deidCorpus();
  const types: Record<string, TypeRecall> = {};
  const overall: TypeRecall = { gold: 0, found: 0, recall: 0 };
  for (const { text, annotations } of documents) {
    const scanned = new ScannedText(text, vocabulary);
    const found = detectors.flatMap((d) => d.detect(scanned));
    for (const a of annotations) {
      const t = (types[a.type] ??= { gold: 0, found: 0, recall: 0 });
      const hit = found.some((o) => o.start < a.end && a.start < o.end);
      t.gold++;
      overall.gold++;
      if (hit) {
        t.found++;
        overall.found++;
      }
    }
  }
  for (const t of [...Object.values(types), overall]) t.recall = t.gold ? t.found / t.gold : 0;
  return { documents: documents.length, types, overall };
}
