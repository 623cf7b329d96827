/**
 * Bewaarder as a library. `classifyText` for text you already have, `classifyDocument` for a file's bytes.
 */
import { createTextClassifier, type ClassifyText, type TextClassification, type TextClassifierOptions } from '../classifiers/classify-text.ts';
import { defaultTextClassifier } from './classify-document.ts';

export { classifyDocument, type DocumentClassification } from './classify-document.ts';
export { createTextClassifier, type TextClassification, type TextClassifierOptions };
export { ExtractionError } from './extract/types.ts';
export * from './types.ts';
export { scan, type ScanOptions, type ScanSummary } from './scan/index.ts';
export { openSqliteStore, DEFAULT_DB, type Store, type StoredDocument, type Stats } from './store/index.ts';
export { createFilesystemConnector } from '../connectors/filesystem/index.ts';
export type { Connector, Item, Page } from '../connectors/connector.ts';

const custom = new WeakMap<TextClassifierOptions, ClassifyText>();

/**
 * Classifies one text: label, document type, masked findings, each with its reason. With `options` (other
 * detectors, another type model) a classifier is built once per options object and reused.
 */
export function classifyText(text: string, options?: TextClassifierOptions): TextClassification {
  if (!options) return defaultTextClassifier()(text);
  let classify = custom.get(options);
  if (!classify) custom.set(options, (classify = createTextClassifier(options)));
  return classify(text);
}
