import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';
import { closeDefaultSandbox } from '../extract/sandbox.ts';
import { scan } from '../scan/scan.ts';
import type { ScanSummary } from '../scan/summary.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { generateFolder } from './folder.ts';

/**
 * The scan benchmark: a generated folder of BENCH_SCAN_FILES documents (default 10,000; text, e-mail, HTML, CSV
 * from the corpus), scanned into a fresh SQLite store as `bewaarder scan` does (extraction in the sandbox's worker
 * threads), then scanned again unchanged. Reports documents/s, MB/s and peak memory; the same for a folder a quarter
 * the size, to show that memory does not grow with the number of documents.
 */
const FILES = Number(process.env.BENCH_SCAN_FILES ?? 10_000);

interface Measured {
  summary: ScanSummary;
  seconds: number;
  peakRss: number;
  peakHeap: number;
}

/** Peak memory, sampled every 50 ms while `run` runs: RSS for the whole process (workers included), heap for this thread. */
async function measured(run: () => Promise<ScanSummary>): Promise<Measured> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const start = performance.now();
  try {
    const summary = await run();
    sample();
    return { summary, seconds: (performance.now() - start) / 1000, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0).padStart(5);

function report(name: string, m: Measured, bytes: number): void {
  const docs = m.summary.found / m.seconds;
  console.log(
    `${name.padEnd(34)} ${String(m.summary.found).padStart(6)} docs ${m.seconds.toFixed(2).padStart(7)} s ` +
      `${docs.toFixed(0).padStart(6)} docs/s ${(bytes / 1e6 / m.seconds).toFixed(2).padStart(6)} MB/s ` +
      `read ${String(m.summary.fetched).padStart(6)}  classified ${String(m.summary.classified).padStart(6)}  ` +
      `peak RSS ${mb(m.peakRss)} MB  peak heap ${mb(m.peakHeap)} MB`,
  );
}

async function scanFolder(dir: string, count: number, label: string): Promise<{ first: Measured; again: Measured }> {
  const root = join(dir, `folder-${count}`);
  const start = performance.now();
  const folder = generateFolder(root, { count, seed: 42 });
  console.log(`\n${count} documents generated in ${((performance.now() - start) / 1000).toFixed(1)} s: ${(folder.bytes / 1e6).toFixed(1)} MB (${label})`);
  const store = openSqliteStore(join(dir, `scan-${count}.db`), { key: new Uint8Array(32).fill(1) });
  const connector = createFilesystemConnector(root);
  try {
    const first = await measured(() => scan(connector, store, { actor: 'bench' }));
    report('scan', first, folder.bytes);
    const again = await measured(() => scan(connector, store, { actor: 'bench' }));
    report('rescan, nothing changed', again, folder.bytes);
    if (again.summary.classified !== 0 || again.summary.fetched !== 0) throw new Error('the rescan read documents: incremental scanning is broken');
    return { first, again };
  } finally {
    await store.close();
  }
}

export async function scanBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-bench-scan-'));
  console.log(`\n== scan: a generated folder into SQLite, ${availableParallelism()} cores, Node ${process.version}`);
  try {
    // A warm-up folder first: starting the workers and compiling the classifier is not the scan's steady state.
    await scanFolder(dir, Math.min(500, FILES), 'warm-up');
    const small = await scanFolder(dir, Math.max(1, Math.round(FILES / 4)), 'a quarter');
    const large = await scanFolder(dir, FILES, 'the benchmark');
    const growth = (large.first.peakHeap - small.first.peakHeap) / 1024 / 1024;
    console.log(
      `\nPeak heap of this thread: ${mb(small.first.peakHeap).trim()} MB for ${small.first.summary.found} documents, ` +
        `${mb(large.first.peakHeap).trim()} MB for ${large.first.summary.found} (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB for 4× the documents).`,
    );
  } finally {
    await closeDefaultSandbox();
    rmSync(dir, { recursive: true, force: true });
  }
}
