import { createTextClassifier, type ClassifyText, type TextClassification } from '../classifiers/classify-text.ts';
import type { Extraction } from './extract/types.ts';
import { labelRank, type Finding } from './types.ts';

/** A whole document (with its attachments and members) classified: the label covers every part. */
export interface DocumentClassification extends TextClassification {
  /** The format found by content sniffing. */
  kind: string;
  parts: { path: string; label?: TextClassification['label']; documentType?: string; error?: string }[];
  warnings: string[];
}

/** The formats that are e-mail messages: without a type of their own they are correspondence. */
const MAIL_KINDS: ReadonlySet<string> = new Set(['eml', 'msg']);

let shared: ClassifyText | undefined;
/** The default classifier, built on first use (compiling the vocabulary and training the type model once). */
export function defaultTextClassifier(): ClassifyText {
  return (shared ??= createTextClassifier());
}

function merge(into: Finding[], more: readonly Finding[], part: string): void {
  for (const f of more) into.push({ ...f, part });
}

/**
 * Classifies an extraction: the main text and every part; the label is the highest of all, findings name their part.
 * Runs where the extraction is (a sandbox worker by default), so document text never crosses a thread boundary.
 */
export function classifyExtraction(extraction: Extraction, classifyText: ClassifyText = defaultTextClassifier()): DocumentClassification {
  // The parts first: their findings are evidence for the main text's type (an attached copy of an ID card).
  const inners = extraction.parts.map((part) => (part.error === undefined ? classifyText(part.text) : undefined));
  const main = classifyText(extraction.text, {
    partFindings: inners.flatMap((inner) => inner?.findings ?? []),
    partTypes: inners.flatMap((inner, i) => (inner ? [{ path: extraction.parts[i]!.path, documentType: inner.documentType, confidence: inner.documentTypeConfidence }] : [])),
    mail: MAIL_KINDS.has(extraction.kind),
  });
  const result: DocumentClassification = { ...main, kind: extraction.kind, parts: [], warnings: extraction.warnings };
  for (const [i, part] of extraction.parts.entries()) {
    const inner = inners[i];
    if (part.error !== undefined || !inner) {
      result.parts.push({ path: part.path, error: part.error ?? 'not classified' });
      continue;
    }
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
