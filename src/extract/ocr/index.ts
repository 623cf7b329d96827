import { ExtractionError } from '../types.ts';
import type { OcrPool } from './pool.ts';
import type { OcrPage } from './read-page.ts';

export type { OcrPage } from './read-page.ts';
export { tiffPage, tiffPageOffsets } from './tiff.ts';

/**
 * OCR for the extractors: `readImage(bytes)` gives a page's text. Where the reading happens is an engine:
 * by default a pool of tesseract.js workers in this thread; inside the extraction sandbox, a proxy that asks the
 * main thread's pool (so a process has one pool, one worker per core, however many sandboxes run).
 */
export interface OcrEngine {
  /** `signal`: the reading is no longer wanted (its document timed out); a queued reading is dropped. */
  readImage(image: Uint8Array, signal?: AbortSignal): Promise<OcrPage>;
}

let pool: OcrPool | undefined;
let engine: OcrEngine | undefined;
/** Pages read by this thread's own pool (tests and the benchmark count with it). */
export const ocrStats = { pages: 0 };

export const localOcrEngine: OcrEngine = {
  async readImage(image, signal) {
    // Loaded on first use: tesseract.js is only needed where OCR runs (not in the sandbox's workers).
    const [{ createOcrPool }, { readPage }] = await Promise.all([import('./pool.ts'), import('./read-page.ts')]);
    pool ??= createOcrPool();
    try {
      const page = await pool.use((worker) => readPage(worker, image), signal);
      ocrStats.pages++;
      return page;
    } catch (error) {
      throw ocrFailure(error);
    }
  },
};

/**
 * An OCR failure in words a user can act on. tesseract.js rejects with a bare string; an image leptonica cannot
 * decode says so ("Error attempting to read image"). Nothing of the engine's message is passed on.
 */
export function ocrFailure(error: unknown): ExtractionError {
  if (error instanceof ExtractionError) return error;
  if (/read image|pix|decode/i.test(String(error))) return new ExtractionError('corrupt: the image could not be decoded');
  return new ExtractionError(`OCR failed (${error instanceof Error ? error.message : 'engine error'})`);
}

/** Replaces the engine (the sandbox's proxy, a test's spy); `undefined` restores the local pool. */
export function setOcrEngine(next: OcrEngine | undefined): void {
  engine = next;
}

export function readImage(image: Uint8Array): Promise<OcrPage> {
  return (engine ?? localOcrEngine).readImage(image);
}

/** Ends the pool's workers (a new pool starts on the next read). */
export async function shutdownOcr(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.terminate();
}
