import { isConnectorError, type Connector, type Item } from '../../connectors/connector.ts';
import type { DocumentClassification } from '../classify-document.ts';
import { ExtractionError } from '../extract/types.ts';
import type { KeyedHasher } from '../store/keyed-hash.ts';
import type { DocumentRecord, KnownDocument, StoredClassification } from '../store/store.ts';
import type { Finding } from '../types.ts';
import { unchangedContent } from './decide.ts';

export type ClassifyBytes = (bytes: Uint8Array, name: string) => Promise<DocumentClassification>;

export interface ReadContext {
  connector: Connector;
  hasher: KeyedHasher;
  classify: ClassifyBytes;
  maxBytes: number;
  reclassify: boolean;
  /** Counts reads and classifications, for the summary and for tests ("a rescan reads nothing"). */
  counters: { fetched: number; bytes: number; classified: number };
}

/** Offsets are kept for a viewer that has the document; a name list of thousands is cut, the count stays. */
const MAX_SPANS = 50;

/**
 * One item: read it, hash it (keyed), and classify it unless its content is what was classified before. Returns
 * the record to store, or nothing when the item vanished between listing and reading (a later listing decides).
 */
export async function readItem(item: Item, prev: KnownDocument | undefined, context: ReadContext): Promise<DocumentRecord | undefined> {
  let fetched;
  try {
    fetched = await context.connector.fetch(item, { maxBytes: context.maxBytes });
  } catch (error) {
    if (isConnectorError(error, 'not-found')) return undefined;
    if (isConnectorError(error, 'too-large')) return { item, version: item.version, outcome: { kind: 'error', stage: 'extract', reason: error.message } };
    return { item, version: item.version, outcome: { kind: 'error', stage: 'fetch', reason: fetchReason(error) } };
  }
  context.counters.fetched++;
  context.counters.bytes += fetched.bytes.length;
  const contentHash = context.hasher.digest('content', fetched.bytes);
  const base = { item: { ...item, size: fetched.bytes.length }, version: fetched.version, contentHash };
  if (!context.reclassify && unchangedContent(prev, contentHash)) return { ...base, outcome: { kind: 'unchanged' } };
  try {
    const result = await context.classify(fetched.bytes, item.name);
    context.counters.classified++;
    return { ...base, outcome: { kind: 'classified', classification: stored(result) } };
  } catch (error) {
    // Only our own reasons are stored: a library's message might quote document content.
    const reason = error instanceof ExtractionError ? error.reason : `could not be read (${(error as Error).name})`;
    return { ...base, outcome: { kind: 'error', stage: 'extract', reason } };
  }
}

function fetchReason(error: unknown): string {
  if (isConnectorError(error)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return `could not be fetched (${code ?? (error as Error).name})`;
}

function trimmed(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f.spans.length > MAX_SPANS ? { ...f, spans: f.spans.slice(0, MAX_SPANS) } : f));
}

function stored(c: DocumentClassification): StoredClassification {
  return {
    label: c.label,
    labelReason: c.labelReason,
    documentType: c.documentType,
    documentTypeConfidence: c.documentTypeConfidence,
    documentTypeReason: c.documentTypeReason,
    categories: c.categories,
    findings: trimmed(c.findings),
    hints: trimmed(c.hints),
    format: c.kind,
    parts: c.parts,
    warnings: c.warnings,
  };
}
