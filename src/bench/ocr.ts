import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OCR_LANGUAGES, modelFile } from '../extract/ocr/language-data.ts';
import { createOcrPool } from '../extract/ocr/pool.ts';

/**
 * OCR seconds per page: tesseract.js (a worker of our pool, the npm models) against the native `tesseract` CLI
 * (Debian tesseract-ocr) on the same images with the same models (the npm .gz files unpacked for it), side by
 * side. Both read one page at a time on one core (the native engine with OMP_THREAD_LIMIT=1), so the ratio is
 * the cost per page per core; the native time includes starting the process, as a CLI call does. The best of
 * OCR_BENCH_ROUNDS (default 3) runs per image. Goal: tesseract.js ≤ 1.2× native.
 */
const ROUNDS = Number(process.env.OCR_BENCH_ROUNDS ?? 3);
const SHARED = new URL('../../../shared/testdata/', import.meta.url);
const FIXTURES = new URL('../../fixtures/', import.meta.url);

interface Sample { name: string; image: Uint8Array }

async function samples(): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const path of ['ocr/testocr.png', 'id-documents/passport-td3.jpg', 'id-documents/passport-td2.jpg']) {
    try {
      out.push({ name: path.split('/').pop()!, image: readFileSync(new URL(path, SHARED)) });
    } catch {
      console.log(`  (skipped ${path}: ../shared/testdata not found)`);
    }
  }
  // A scanned page as the PDF extractor hands it to OCR: rendered at 300 dpi.
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(new URL('formats/scan-brief.pdf', FIXTURES))) });
  const shot = await parser.getScreenshot({ partial: [1], scale: 300 / 72, imageBuffer: true, imageDataUrl: false });
  await parser.destroy();
  out.push({ name: 'scan-brief.pdf p.1 (300 dpi)', image: shot.pages[0]!.data });
  return out;
}

function best(times: number[]): number {
  return Math.min(...times);
}

function nativeAvailable(): string | undefined {
  const probe = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? (probe.stdout || probe.stderr).split('\n')[0] : undefined;
}

export async function ocrBench(): Promise<void> {
  console.log('\n== OCR: seconds per page, tesseract.js (pool worker) vs native tesseract, same images and models');
  const native = nativeAvailable();
  if (!native) console.log('  native `tesseract` not installed: only tesseract.js is measured (apt-get install tesseract-ocr)');
  const work = mkdtempSync(join(tmpdir(), 'bewaarder-ocr-bench-'));
  const tessdata = join(work, 'tessdata');
  mkdirSync(tessdata);
  for (const lang of OCR_LANGUAGES.split('+')) writeFileSync(join(tessdata, `${lang}.traineddata`), gunzipSync(readFileSync(modelFile(lang))));
  const pool = createOcrPool({ size: 1 });
  try {
    const pages = await samples();
    await pool.use((w) => w.recognize(pages[0]!.image)); // start the worker and load the models before timing
    console.log(`  ${'image'.padEnd(30)} ${'tesseract.js'.padStart(12)} ${'native'.padStart(8)} ${'ratio'.padStart(7)}`);
    let jsTotal = 0;
    let nativeTotal = 0;
    for (const page of pages) {
      const js: number[] = [];
      const cli: number[] = [];
      const file = join(work, `page-${pages.indexOf(page)}`);
      writeFileSync(file, page.image);
      for (let r = 0; r < ROUNDS; r++) {
        let start = performance.now();
        await pool.use((w) => w.recognize(page.image, {}, { text: true }));
        js.push((performance.now() - start) / 1000);
        if (!native) continue;
        start = performance.now();
        const run = spawnSync('tesseract', [file, 'stdout', '-l', OCR_LANGUAGES, '--oem', '1', '--tessdata-dir', tessdata], {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          encoding: 'utf8',
        });
        if (run.status !== 0) throw new Error(`native tesseract failed on ${page.name}`);
        cli.push((performance.now() - start) / 1000);
      }
      jsTotal += best(js);
      nativeTotal += native ? best(cli) : 0;
      const ratio = native ? `${(best(js) / best(cli)).toFixed(2)}×` : '–';
      console.log(`  ${page.name.padEnd(30)} ${best(js).toFixed(2).padStart(10)} s ${native ? `${best(cli).toFixed(2).padStart(6)} s` : '       –'} ${ratio.padStart(7)}`);
    }
    if (native) {
      console.log(`  ${'all pages'.padEnd(30)} ${jsTotal.toFixed(2).padStart(10)} s ${nativeTotal.toFixed(2).padStart(6)} s ${`${(jsTotal / nativeTotal).toFixed(2)}×`.padStart(7)}  (goal ≤ 1.20×; ${native})`);
    }
  } finally {
    await pool.terminate();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await ocrBench();
