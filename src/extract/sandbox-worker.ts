import { parentPort, workerData } from 'node:worker_threads';
import { setOcrEngine, type OcrPage } from './ocr/index.ts';
import type { DocumentClassification } from '../classify-extraction.ts';
import { ExtractionError, type Extraction, type ExtractionLimits } from './types.ts';

/**
 * Inside a sandbox worker: runs `extract` from the module the sandbox names (the registry's by default) and
 * sends back the extraction or the reason it failed. OCR is asked of the main thread, whose pool serves all
 * workers; this thread only renders and parses.
 */
export type ToWorker =
  | { type: 'extract'; id: number; bytes: Uint8Array; name: string; limits: ExtractionLimits; classify?: boolean }
  | { type: 'ocr-done'; id: number; page?: OcrPage; error?: string };
export type FromWorker =
  | { type: 'done'; id: number; extraction?: Extraction; classification?: DocumentClassification }
  | { type: 'failed'; id: number; reason?: string; errorName: string }
  | { type: 'ocr'; id: number; image: Uint8Array }
  | { type: 'ready' };

type ExtractFn = (bytes: Uint8Array, name: string, limits: ExtractionLimits) => Promise<Extraction>;

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const { extract } = (await import(workerData.module as string)) as { extract: ExtractFn };

const readings = new Map<number, { resolve: (page: OcrPage) => void; reject: (error: Error) => void }>();
let nextReading = 0;
setOcrEngine({
  readImage(image) {
    return new Promise((resolve, reject) => {
      const id = nextReading++;
      readings.set(id, { resolve, reject });
      // A view into a larger buffer would be cloned whole: the page's own bytes only.
      post({ type: 'ocr', id, image: image.byteLength === image.buffer.byteLength ? image : image.slice() });
    });
  },
});

// Started and loaded: a document's time budget runs from here (starting a worker is not the document's doing).
post({ type: 'ready' });

port.on('message', async (message: ToWorker) => {
  if (message.type === 'ocr-done') {
    const reading = readings.get(message.id);
    readings.delete(message.id);
    if (message.page) reading?.resolve(message.page);
    else reading?.reject(new ExtractionError(message.error ?? 'OCR failed'));
    return;
  }
  try {
    const extraction = await extract(message.bytes, message.name, message.limits);
    if (message.classify) {
      // Classified here, next to the text: only masked findings go back to the main thread.
      const { classifyExtraction } = await import('../classify-extraction.ts');
      post({ type: 'done', id: message.id, classification: classifyExtraction(extraction) });
    } else post({ type: 'done', id: message.id, extraction });
  } catch (error) {
    // Only our own reasons cross back; another library's message might quote the document.
    const reason = error instanceof ExtractionError ? error.reason : undefined;
    post({ type: 'failed', id: message.id, reason, errorName: (error as Error)?.name ?? 'Error' });
  }
});
