import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { modelFile, ocrWorkerOptions } from '../../src/extract/ocr/language-data.ts';
import { ocrStats, shutdownOcr } from '../../src/extract/ocr/index.ts';
import { extract } from '../../src/extract/registry.ts';
import { closeDefaultSandbox } from '../../src/extract/sandbox.ts';
import { jpegToPdf } from './support/jpeg-pdf.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
const shared = (path: string) => readFileSync(new URL(`../../../shared/testdata/${path}`, import.meta.url));

/** 1 − word error rate: word-level edit distance against the truth. */
function wordAccuracy(ocr: string, truth: string): number {
  const a = ocr.split(/\s+/).filter(Boolean);
  const b = truth.split(/\s+/).filter(Boolean);
  let row = b.map((_, j) => j + 1);
  for (let i = 0; i < a.length; i++) {
    const next = [i + 1];
    for (let j = 0; j < b.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j]! + 1, (j === 0 ? i : row[j - 1]!) + (a[i] === b[j] ? 0 : 1)));
    }
    row = next.slice(1);
  }
  return 1 - row[b.length - 1]! / b.length;
}

const idDocument = (r: Awaited<ReturnType<typeof classifyDocument>>) => r.findings.find((f) => f.category === 'id-document');

afterAll(async () => {
  await closeDefaultSandbox();
  await shutdownOcr();
});

describe('OCR', () => {
  it('loads its Dutch and English models from the npm packages, never from the network', () => {
    const options = ocrWorkerOptions();
    expect(options.cacheMethod).toBe('none'); // no copy of a model written into the working directory
    // The worker thread runs behind a guard whose fetch refuses (tesseract.js fetches models only by URL).
    expect(readFileSync(options.workerPath, 'utf8')).toMatch(/global\.fetch = refuse;/);
    expect(options.langPath).not.toMatch(/^[a-z]+:\/\//i); // a folder, not a URL: tesseract.js only fetches URLs
    for (const lang of ['nld', 'eng']) {
      const file = join(options.langPath, `${lang}.traineddata.gz`);
      expect(realpathSync(file)).toBe(realpathSync(modelFile(lang)));
      expect(modelFile(lang)).toContain(join('node_modules', '@tesseract.js-data', lang));
    }
    expect(readdirSync('.').filter((f) => f.endsWith('.traineddata'))).toEqual([]);
  });

  it('reads a clean page word for word', async () => {
    const truth = shared('ocr/testocr.txt').toString('utf8');
    const read = await extract(shared('ocr/testocr.png'), 'testocr.png');
    // Measured: 1.00 (every word right); the floor leaves room for a different core build.
    expect(wordAccuracy(read.text, truth)).toBeGreaterThanOrEqual(0.95);
    expect(read.warnings).toEqual([expect.stringMatching(/^image read by OCR \(confidence \d+\)$/)]);
  });

  it('finds the machine-readable zone on real passport and travel-document scans', async () => {
    // Through the default sandbox, as users call it: OCR requests travel from its worker to this thread's pool.
    const before = ocrStats.pages;
    const [td3, td2] = await Promise.all(['passport-td3.jpg', 'passport-td2.jpg'].map((name) => classifyDocument(shared(`id-documents/${name}`), name)));
    expect(ocrStats.pages - before).toBe(2);
    for (const result of [td3!, td2!]) {
      expect(result.label).toBe('bijzonder');
      expect(idDocument(result)?.explanation).toMatch(/check digits valid/);
    }
    expect(idDocument(td3!)?.evidence).toMatch(/^MRZ TD3/);
    expect(idDocument(td2!)?.evidence).toMatch(/^MRZ TD2/);
  });

  it('reads a passport scanned to PDF (an image, no text layer)', async () => {
    const result = await classifyDocument(jpegToPdf(shared('id-documents/passport-td3.jpg')), 'scan.pdf');
    expect(result.kind).toBe('pdf');
    expect(result.label).toBe('bijzonder');
    expect(idDocument(result)).toBeDefined();
  });

  it('reads a scanned letter in an image-only PDF', async () => {
    const result = await classifyDocument(fixture('formats/scan-brief.pdf'), 'scan-brief.pdf');
    expect(result.label).toBe('bijzonder');
    expect(result.categories).toEqual(expect.arrayContaining(['bsn', 'health', 'iban']));
    expect(result.warnings).toEqual([expect.stringMatching(/^page 1 read by OCR/)]);
  });

  it('reads every page of a TIFF, turning the page that was scanned on its side', async () => {
    const result = await classifyDocument(fixture('formats/scan-twee-paginas-gedraaid.tif'), 'fax.tif');
    expect(result.kind).toBe('tiff');
    expect(result.warnings).toEqual([
      expect.stringMatching(/^page 1 read by OCR \(confidence \d+\)$/),
      expect.stringMatching(/^page 2 read by OCR \(confidence \d+, turned (90|270)°\)$/),
    ]);
    // The BSN is on the turned page.
    expect(result.categories).toEqual(expect.arrayContaining(['bsn', 'health']));
  });

  it('finds no personal data in a PDF holding only a photo', async () => {
    const result = await classifyDocument(shared('id-documents/pdf-with-jpg.pdf'), 'pdf-with-jpg.pdf');
    expect(result.label).toBe('geen');
    expect(result.warnings).toEqual([expect.stringMatching(/^page 1 read by OCR/)]);
  });

  it('starts no model download and leaves no model behind in the working directory', () => {
    expect(existsSync('nld.traineddata')).toBe(false);
    expect(existsSync('eng.traineddata')).toBe(false);
  });
});
