import { defaultSandbox } from '../../extract/sandbox.ts';
import { DEFAULT_LIMITS } from '../../extract/types.ts';
import type { StoredDocument } from '../../store/store.ts';
import type { ScanLauncher } from '../scans/launcher.ts';

/**
 * Reads a document's text again from its source (the store keeps none), for the feature vector of a reviewed
 * document. The text lives only in this call. Undefined when the source cannot be reached or the document moved.
 */
export async function rereadText(launcher: ScanLauncher, doc: StoredDocument): Promise<string | undefined> {
  const connector = launcher.connectorFor(doc.source);
  if (!connector) return undefined;
  try {
    const item = { id: doc.itemId, name: doc.name, location: doc.location, size: doc.size, version: doc.version, modified: doc.modified ?? '' };
    const fetched = await connector.fetch(item, { maxBytes: DEFAULT_LIMITS.maxBytes });
    const extraction = await defaultSandbox().extract(fetched.bytes, doc.name, DEFAULT_LIMITS);
    return extraction.text;
  } catch {
    return undefined; // moved, changed or unreadable: the review stands, it just teaches nothing
  }
}
