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
  /** The document's remaining container budget; nested extractions draw from the same one. */
  budget?: ExtractionBudget;
}

export interface ExtractionLimits {
  maxBytes: number;
  maxChars: number;
  maxDepth: number;
  /** Pages (of a PDF, a multi-page TIFF) to OCR at most; the rest is skipped with a warning. */
  maxOcrPages?: number;
  /** Archives and Office containers: bytes unpacked in all, over every nesting level of one document. */
  maxUnpackedBytes?: number;
  /** Archives and Office containers: members in all, over every nesting level of one document. */
  maxMembers?: number;
  /** Zip bombs: an archive whose declared unpacked size exceeds this many times its own size is refused. */
  maxExpansionRatio?: number;
}

/** Containers unpack in memory, one member at a time; these keep one document's total within a few hundred MB. */
export const DEFAULT_CONTAINER_LIMITS = { maxUnpackedBytes: 512 * 1024 * 1024, maxMembers: 10_000, maxExpansionRatio: 100 };

/** What is left of a document's container limits, shared by its nested archives and attachments. */
export interface ExtractionBudget {
  unpackedBytes: number;
  members: number;
}

export function createBudget(limits: ExtractionLimits): ExtractionBudget {
  return {
    unpackedBytes: limits.maxUnpackedBytes ?? DEFAULT_CONTAINER_LIMITS.maxUnpackedBytes,
    members: limits.maxMembers ?? DEFAULT_CONTAINER_LIMITS.maxMembers,
  };
}

/** OCR costs seconds per page: a scanned book is cut here unless the caller raises the limit. */
export const DEFAULT_MAX_OCR_PAGES = 25;

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
