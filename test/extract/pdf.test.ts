import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { setOcrEngine, type OcrEngine } from '../../src/extract/ocr/index.ts';
import { extract } from '../../src/extract/registry.ts';
import { DEFAULT_LIMITS, ExtractionError } from '../../src/extract/types.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
const shared = (path: string) => readFileSync(new URL(`../../../shared/testdata/${path}`, import.meta.url));

/** An OCR engine that counts pages and reads nothing, so these tests cost no OCR time. */
function countingEngine(text = ''): OcrEngine & { pages: number } {
  return {
    pages: 0,
    async readImage() {
      this.pages++;
      return { text, confidence: 90, rotation: 0, mrzReread: false };
    },
  };
}

afterEach(() => setOcrEngine(undefined));

describe('PDF extraction', () => {
  it('reads the text layer page by page and never OCRs a page that has one', async () => {
    const spy = countingEngine();
    setOcrEngine(spy);
    const result = await classifyDocument(fixture('formats/brief-tekstlaag.pdf'), 'brief.pdf', { extraction: 'in-process' });
    expect(spy.pages).toBe(0);
    expect(result.kind).toBe('pdf');
    expect(result.label).toBe('bijzonder');
    expect(result.categories).toEqual(expect.arrayContaining(['bsn', 'health', 'iban']));
  });

  it('renders a page without a text layer and reads it by OCR, within maxOcrPages', async () => {
    const spy = countingEngine('Uw burgerservicenummer is 123456782.');
    setOcrEngine(spy);
    const scan = fixture('formats/scan-brief.pdf');
    const read = await extract(scan, 'scan.pdf');
    expect(spy.pages).toBe(1);
    expect(read.text).toContain('123456782');
    expect(read.warnings).toEqual(['page 1 read by OCR (confidence 90)']);
    const capped = await extract(scan, 'scan.pdf', { ...DEFAULT_LIMITS, maxOcrPages: 0 });
    expect(spy.pages).toBe(1);
    expect(capped.warnings).toEqual(['OCR stopped after 0 of 1 scanned pages (limit maxOcrPages)']);
  });

  it.each(['coolblue1.pdf', 'coolblue2.pdf', 'saeco.pdf'])('labels the Dutch invoice %s generiek, its numbers not taken for BSNs', async (name) => {
    const spy = countingEngine();
    setOcrEngine(spy);
    const result = await classifyDocument(shared(`invoices-nl/${name}`), name, { extraction: 'in-process' });
    expect(spy.pages).toBe(0); // text PDFs: the logo images are not OCR'd
    expect(result.label).toBe('generiek');
    expect(result.categories).not.toContain('bsn');
    if (name.startsWith('coolblue')) {
      // The shop's own IBAN, next to its VAT number: found, and weighed as company data.
      expect([...result.findings, ...result.hints].some((f) => f.category === 'iban')).toBe(true);
    }
  });

  it('names what is wrong with a hostile PDF, and never quotes it', async () => {
    const reason = (bytes: Uint8Array, name: string) =>
      extract(bytes, name).then(() => 'read', (e: unknown) => (e instanceof ExtractionError ? e.reason : `other: ${e}`));
    expect(await reason(fixture('hostile/versleuteld.pdf'), 'versleuteld.pdf')).toBe('encrypted');
    expect(await reason(fixture('hostile/kapot.pdf'), 'kapot.pdf')).toBe('corrupt: not a readable PDF');
    expect(await reason(new TextEncoder().encode('%PDF-1.4\n'), 'leeg.pdf')).toMatch(/^corrupt: /);
  });

  it('reads a PDF by its content whatever its name says', async () => {
    const result = await classifyDocument(fixture('hostile/pdf-met-txt-naam.txt'), 'notities.txt', { extraction: 'in-process' });
    expect(result.kind).toBe('pdf');
    expect(result.label).toBe('bijzonder');
  });
});
