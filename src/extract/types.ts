import type { FileKind } from './sniff.ts';

/** A document's text, with the parts inside it (attachments, archive members), each with its own error. */
export interface Extraction {
  kind: FileKind;
  text: string;
  parts: ExtractedPart[];
  warnings: string[];
}

export interface ExtractedPart {
  /** Where the part sits in its container, e.g. `attachment:cv.txt`. */
  path: string;
  kind: FileKind;
  text: string;
  error?: string;
}

export interface ExtractContext {
  name: string;
  depth: number;
  limits: ExtractionLimits;
  /** Extracts an embedded file (attachment, member) with the same registry, one level deeper. */
  extractEmbedded(bytes: Uint8Array, name: string): Promise<Extraction>;
}

export interface ExtractionLimits {
  maxBytes: number;
  maxChars: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = { maxBytes: 100 * 1024 * 1024, maxChars: 20_000_000, maxDepth: 5 };

/** One format's text extraction. Registered in registry.ts; picked by the sniffed kind. */
export interface Extractor {
  readonly id: string;
  readonly kinds: readonly FileKind[];
  extract(bytes: Uint8Array, context: ExtractContext): Promise<Omit<Extraction, 'kind'>>;
}

/** Why a document could not be read, in a form a records manager understands: `encrypted`, `corrupt: …`. */
export class ExtractionError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ExtractionError';
  }
}
