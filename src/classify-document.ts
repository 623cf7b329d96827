import type { ClassifyText } from '../classifiers/classify-text.ts';
import { classifyExtraction, type DocumentClassification } from './classify-extraction.ts';
import { extract } from './extract/registry.ts';
import { defaultSandbox, type Sandbox } from './extract/sandbox.ts';
import { DEFAULT_LIMITS, type ExtractionLimits } from './extract/types.ts';

export { defaultTextClassifier, type DocumentClassification } from './classify-extraction.ts';

export interface ClassifyDocumentOptions {
  limits?: ExtractionLimits;
  /** Another text classifier; it runs in this thread (a function cannot be sent to a sandbox worker). */
  classifyText?: ClassifyText;
  /**
   * Where extraction runs: by default the process's sandbox (worker threads with a time budget and a memory cap,
   * src/extract/sandbox.ts), which classifies there too; `'in-process'` runs both in this thread (tests,
   * benchmarks: no isolation).
   */
  extraction?: Sandbox | 'in-process';
}

export async function classifyDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ClassifyDocumentOptions = {},
): Promise<DocumentClassification> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const where = options.extraction ?? defaultSandbox();
  if (where === 'in-process') return classifyExtraction(await extract(bytes, fileName, limits), options.classifyText);
  if (options.classifyText) return classifyExtraction(await where.extract(bytes, fileName, limits), options.classifyText);
  return where.classify(bytes, fileName, limits);
}
