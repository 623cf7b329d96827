import { sniff } from './sniff.ts';
import { ExtractionError, type ExtractContext, type ExtractedPart } from './types.ts';

/** What a part's error says: our own reasons only, since a library's message might quote document content. */
export function reasonOf(error: unknown): string {
  return error instanceof ExtractionError ? error.reason : `could not be read (${(error as Error)?.name ?? 'error'})`;
}

/**
 * An embedded file (attachment, archive member, picture in a document) as parts: the file itself, then its own
 * parts under its path. A part that cannot be read carries its error; it never sinks its container.
 */
export async function embeddedParts(context: ExtractContext, bytes: Uint8Array, name: string, path: string): Promise<ExtractedPart[]> {
  try {
    const inner = await context.extractEmbedded(bytes, name);
    return [{ path, kind: inner.kind, text: inner.text }, ...inner.parts.map((p) => ({ ...p, path: `${path}/${p.path}` }))];
  } catch (error) {
    return [{ path, kind: sniff(bytes, name), text: '', error: reasonOf(error) }];
  }
}

/** An extraction with no text and no parts still gets a label (geen), and says why it is empty. */
export function emptyWarning(text: string, parts: readonly ExtractedPart[]): string[] {
  return text.trim() === '' && parts.length === 0 ? ['empty: the document holds no text'] : [];
}
