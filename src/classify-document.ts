import { createTextClassifier, type ClassifyText, type TextClassification } from '../classifiers/classify-text.ts';
import { extract } from './extract/registry.ts';
import { defaultSandbox, type Sandbox } from './extract/sandbox.ts';
import { DEFAULT_LIMITS, type ExtractionLimits } from './extract/types.ts';
import { labelRank, type Finding } from './types.ts';

/** A whole document (with its attachments and members) classified: the label covers every part. */
export interface DocumentClassification extends TextClassification {
  /** The format found by content sniffing. */
  kind: string;
  parts: { path: string; label?: TextClassification['label']; documentType?: string; error?: string }[];
  warnings: string[];
}

let shared: ClassifyText | undefined;
/** The default classifier, built on first use (compiling the vocabulary and training the type model once). */
export function defaultTextClassifier(): ClassifyText {
  return (shared ??= createTextClassifier());
}

function merge(into: Finding[], more: readonly Finding[], part: string): void {
  for (const f of more) into.push({ ...f, part });
}

export interface ClassifyDocumentOptions {
  limits?: ExtractionLimits;
  classifyText?: ClassifyText;
  /**
   * Where extraction runs: by default the process's sandbox (worker threads with a time budget and a memory cap,
   * src/extract/sandbox.ts); `'in-process'` runs it in this thread (tests, benchmarks: no isolation).
   */
  extraction?: Sandbox | 'in-process';
}

export async function classifyDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ClassifyDocumentOptions = {},
): Promise<DocumentClassification> {
  const classifyText = options.classifyText ?? defaultTextClassifier();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const where = options.extraction ?? defaultSandbox();
  const extraction = where === 'in-process' ? await extract(bytes, fileName, limits) : await where.extract(bytes, fileName, limits);
  const main = classifyText(extraction.text);
  const result: DocumentClassification = { ...main, kind: extraction.kind, parts: [], warnings: extraction.warnings };
  for (const part of extraction.parts) {
    if (part.error !== undefined) {
      result.parts.push({ path: part.path, error: part.error });
      continue;
    }
    const inner = classifyText(part.text);
    result.parts.push({ path: part.path, label: inner.label, documentType: inner.documentType });
    merge(result.findings, inner.findings, part.path);
    merge(result.hints, inner.hints, part.path);
    if (labelRank(inner.label) > labelRank(result.label)) {
      result.label = inner.label;
      result.labelReason = `${part.path}: ${inner.labelReason}`;
    }
  }
  result.categories = [...new Set(result.findings.map((f) => f.category))];
  return result;
}
