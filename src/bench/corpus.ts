import { loadCorpus, type CorpusDocument } from '../../classifiers/doctype/corpus.ts';

/** A small deterministic PRNG (mulberry32), so every run measures the same texts. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A benchmark corpus of realistic documents: the project's corpus documents, each copy with fresh digits (so
 * numbers are new values, not cache hits) and a paragraph borrowed from another document, until `megabytes` is reached.
 */
export function generateCorpus(
  megabytes: number,
  seed = 42,
  include: (doc: CorpusDocument) => boolean = () => true,
): string[] {
  const source = loadCorpus().filter(include).map((d) => d.text);
  if (source.length === 0) throw new Error('rules/corpus is empty: nothing to build a benchmark corpus from');
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const docs: string[] = [];
  let size = 0;
  while (size < megabytes * 1e6) {
    const paragraphs = pick(source).split(/\n\s*\n/);
    const borrowed = pick(pick(source).split(/\n\s*\n/));
    paragraphs.splice(Math.floor(next() * (paragraphs.length + 1)), 0, borrowed);
    const doc = paragraphs.join('\n\n').replace(/\d/g, () => String(Math.floor(next() * 10)));
    docs.push(doc);
    size += doc.length;
  }
  return docs;
}
