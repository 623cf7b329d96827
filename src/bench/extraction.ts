import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractors } from '../extract/registry.ts';
import { sniff, type FileKind } from '../extract/sniff.ts';
import { createBudget, DEFAULT_LIMITS, type Extraction } from '../extract/types.ts';

/**
 * Extraction throughput per format on the format fixtures (fixtures/formats, and its msg/ folder): MB/s of input
 * and milliseconds per document, the median of several timed passes after a warm-up. Embedded documents are
 * followed (a DOCX in a ZIP is read), pictures are not: OCR has its own benchmark, and one picture's OCR would
 * swamp the format's own cost. These are small office documents, so the per-document cost of the libraries
 * (mammoth, exceljs, msgreader) shows as much as the bytes do.
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const FORMATS: readonly FileKind[] = ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'doc', 'msg', 'zip'];
const PICTURES: ReadonlySet<FileKind> = new Set(['png', 'jpeg', 'gif', 'tiff', 'bmp', 'webp']);
const MIN_SECONDS = Number(process.env.BENCH_EXTRACT_SECONDS ?? 0.5);

async function extractWithoutOcr(bytes: Uint8Array, name: string, depth = 0, budget = createBudget(DEFAULT_LIMITS)): Promise<Extraction> {
  const kind = sniff(bytes, name);
  const extractor = extractors.find((e) => e.kinds.includes(kind));
  if (PICTURES.has(kind) || !extractor || depth > DEFAULT_LIMITS.maxDepth) return { kind, text: '', parts: [], warnings: [] };
  const result = await extractor.extract(bytes, {
    name,
    depth,
    limits: DEFAULT_LIMITS,
    budget,
    extractEmbedded: (inner, innerName) => extractWithoutOcr(inner, innerName, depth + 1, budget),
  });
  return { kind, ...result };
}

function files(): { path: string; kind: FileKind }[] {
  const paths = [
    ...readdirSync(FIXTURES).map((n) => join(FIXTURES, n)),
    ...readdirSync(join(FIXTURES, 'msg')).map((n) => join(FIXTURES, 'msg', n)),
  ].filter((p) => statSync(p).isFile());
  return paths.map((path) => ({ path, kind: sniff(readFileSync(path), path) })).filter((f) => FORMATS.includes(f.kind));
}

/** Median seconds per pass over `docs`, each pass repeated until MIN_SECONDS have gone by. */
async function timePerPass(docs: { bytes: Uint8Array; name: string }[]): Promise<number> {
  for (const d of docs) await extractWithoutOcr(d.bytes, d.name); // warm-up: module loading, JIT
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    let passes = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    do {
      for (const d of docs) await extractWithoutOcr(d.bytes, d.name);
      passes++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    } while (elapsed < MIN_SECONDS / 3);
    samples.push(elapsed / passes);
  }
  return samples.sort((a, b) => a - b)[1]!;
}

export async function extractionBench(): Promise<void> {
  console.log('\nExtraction throughput per format (fixtures/formats; pictures inside documents not OCR\'d)');
  console.log(`${'format'.padEnd(8)} ${'files'.padStart(5)} ${'KB'.padStart(8)} ${'ms/doc'.padStart(9)} ${'MB/s'.padStart(8)}`);
  const all = files();
  for (const kind of FORMATS) {
    const docs = all.filter((f) => f.kind === kind).map((f) => ({ bytes: new Uint8Array(readFileSync(f.path)), name: f.path }));
    if (docs.length === 0) continue;
    const bytes = docs.reduce((n, d) => n + d.bytes.length, 0);
    const seconds = await timePerPass(docs);
    const line = [
      kind.padEnd(8),
      String(docs.length).padStart(5),
      (bytes / 1024).toFixed(1).padStart(8),
      ((seconds / docs.length) * 1000).toFixed(2).padStart(9),
      (bytes / 1e6 / seconds).toFixed(2).padStart(8),
    ];
    console.log(line.join(' '));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await extractionBench();
