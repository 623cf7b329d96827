import type { PDFParse } from 'pdf-parse';
import { readImage, type OcrPage } from '../ocr/index.ts';
import { DEFAULT_MAX_OCR_PAGES, ExtractionError, type Extractor } from '../types.ts';
import { describeReading } from './image.ts';

/** A page with fewer letters and digits than this has no usable text layer (a scan, perhaps with a page number). */
export const MIN_TEXT_CHARS = 25;
/** Scans are rendered at 300 dpi, the resolution tesseract is trained for... */
const RENDER_DPI = 300;
/** ...unless the page is huge (a drawing, a poster): then at most this many pixels. */
const MAX_RENDER_PIXELS = 40_000_000;
/** Scanned pages rendered or being read at once (each is tens of MB as an image). */
const IN_FLIGHT = 2;

const usable = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_TEXT_CHARS;

/** pdf.js's errors by name; its messages stay out (they are for developers, and a reason is for users). */
function reasonFor(error: unknown): ExtractionError {
  const name = (error as Error | undefined)?.name ?? '';
  if (name === 'PasswordException') return new ExtractionError('encrypted');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new ExtractionError('corrupt: not a readable PDF');
  }
  return new ExtractionError(`corrupt: the PDF could not be read (${name || 'unknown error'})`);
}

interface PageSize { width: number; height: number }

/**
 * The image to OCR for a page without text. An embedded full-page scan is taken as it is when it has no more
 * pixels than a 300 dpi rendering (no resampling, no second decode); anything else is rendered at 300 dpi.
 */
async function pageImage(parser: PDFParse, page: number, size: PageSize | undefined): Promise<Uint8Array> {
  const scale = size ? Math.min(RENDER_DPI / 72, Math.sqrt(MAX_RENDER_PIXELS / (size.width * size.height))) : RENDER_DPI / 72;
  if (size) {
    const found = await parser.getImage({ partial: [page], imageThreshold: 300, imageBuffer: true, imageDataUrl: false });
    const images = found.pages[0]?.images ?? [];
    const only = images.length === 1 ? images[0]! : undefined;
    const fullPage = only && Math.abs(only.width / only.height - size.width / size.height) < 0.03;
    if (only && fullPage && only.width * only.height <= size.width * size.height * scale * scale) return only.data;
  }
  const shot = await parser.getScreenshot({ partial: [page], scale, imageBuffer: true, imageDataUrl: false });
  const data = shot.pages[0]?.data;
  if (!data) throw new ExtractionError(`corrupt: page ${page} could not be rendered`);
  return data;
}

/**
 * PDF: the text layer page by page; pages without one (scans) are rendered and read by OCR, at most
 * `limits.maxOcrPages` of them. Pages with a text layer are never OCR'd.
 */
export const pdfExtractor: Extractor = {
  id: 'pdf',
  kinds: ['pdf'],
  async extract(bytes, context) {
    // Loaded on first use: pdf.js is large, and most documents are not PDFs.
    const { PDFParse } = await import('pdf-parse');
    // pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
    const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
    try {
      let pages;
      try {
        pages = (await parser.getText()).pages;
      } catch (error) {
        throw reasonFor(error);
      }
      const texts = pages.map((p) => p.text);
      const scans = pages.filter((p) => !usable(p.text)).map((p) => p.num);
      const limit = context.limits.maxOcrPages ?? DEFAULT_MAX_OCR_PAGES;
      const warnings: string[] = [];
      if (scans.length > 0) {
        const sizes = await parser.getInfo({ parsePageInfo: true }).then((i) => i.pages, () => []);
        const readScan = async (num: number) => {
          const size = sizes.find((s) => s.pageNumber === num);
          const page: OcrPage = await readImage(await pageImage(parser, num, size?.width && size.height ? size : undefined));
          texts[num - 1] = [texts[num - 1]?.trim(), page.text.trim()].filter(Boolean).join('\n');
          warnings.push(describeReading(`page ${num}`, page));
        };
        // A page renders here while the one before is read by the OCR pool; a few in flight bound the memory.
        const inFlight = new Set<Promise<void>>();
        for (const num of scans.slice(0, limit)) {
          while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
          const reading = readScan(num).catch(() => void warnings.push(`page ${num}: could not be read by OCR`));
          inFlight.add(reading);
          void reading.finally(() => inFlight.delete(reading));
        }
        await Promise.all(inFlight);
        if (scans.length > limit) warnings.push(`OCR stopped after ${limit} of ${scans.length} scanned pages (limit maxOcrPages)`);
      }
      return { text: texts.join('\n\n'), parts: [], warnings: warnings.sort(byPage) };
    } finally {
      await parser.destroy().catch(() => {});
    }
  },
};

function byPage(a: string, b: string): number {
  const n = (s: string) => Number(/^page (\d+)/.exec(s)?.[1] ?? 1e9);
  return n(a) - n(b);
}
