import { OpenRedaction } from '@openredaction/openredaction';
import { createDetectorPass, createTextClassifier } from '../../classifiers/classify-text.ts';
import { generateCorpus } from './corpus.ts';
import { detectorBreakdown } from './detectors.ts';

/**
 * `npm run bench`: classification throughput on one core (this process, one thread), in MB/s of text, for the
 * detector pass alone and for the whole classification, side by side with @openredaction/openredaction on a sample
 * of the same texts in the same run. `--detail` adds the time per detector; BENCH_MB sets the corpus size.
 */
const MEGABYTES = Number(process.env.BENCH_MB ?? 50);
const PEER_SAMPLE_MB = Number(process.env.BENCH_PEER_MB ?? 0.5);

function measure(name: string, docs: readonly string[], run: (text: string) => unknown): number {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const start = process.hrtime.bigint();
  for (const d of docs) run(d);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const mbps = bytes / 1e6 / seconds;
  console.log(`${name.padEnd(44)} ${(bytes / 1e6).toFixed(1).padStart(6)} MB ${seconds.toFixed(2).padStart(7)} s ${mbps.toFixed(2).padStart(9)} MB/s`);
  return mbps;
}

function sample(docs: readonly string[], megabytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (const d of docs) {
    if (size >= megabytes * 1e6) break;
    out.push(d);
    size += d.length;
  }
  return out;
}

async function main(): Promise<void> {
  console.log(`Generating a ${MEGABYTES} MB corpus from rules/corpus (deterministic)…`);
  const docs = generateCorpus(MEGABYTES);
  const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  console.log(`${docs.length} documents, ${Math.round(avg)} characters on average. One core (single thread), Node ${process.version}.\n`);

  const detectAll = createDetectorPass();
  const classify = createTextClassifier();
  const warm = sample(docs, 2);
  for (const d of warm) { detectAll(d); classify(d); }

  console.log(`${'measure'.padEnd(44)} ${'size'.padStart(9)} ${'time'.padStart(9)} ${'throughput'.padStart(14)}`);
  const detectors = measure('bewaarder: detector pass', docs, detectAll);
  if (process.argv.includes('--detail')) detectorBreakdown(docs);
  const whole = measure('bewaarder: whole classification', docs, classify);

  const peerDocs = sample(docs, PEER_SAMPLE_MB);
  const ours = measure(`bewaarder: whole classification (peer sample)`, peerDocs, classify);
  const shield = new OpenRedaction();
  const peer = measure(`@openredaction/openredaction detect (peer sample)`, peerDocs, (t) => shield.detect(t));

  console.log(`
Budget (DESIGN.md): detector pass ≥ 100 MB/s per core, whole classification ≥ 20 MB/s per core.
  detector pass        ${detectors.toFixed(1)} MB/s  ${detectors >= 100 ? 'within budget' : 'OVER BUDGET'}
  whole classification ${whole.toFixed(1)} MB/s  ${whole >= 20 ? 'within budget' : 'OVER BUDGET'}
  on the peer sample: bewaarder ${ours.toFixed(1)} MB/s vs openredaction ${peer.toFixed(2)} MB/s (${(ours / peer).toFixed(0)}× faster)`);
}

await main();
