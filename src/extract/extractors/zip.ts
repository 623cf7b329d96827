import { embeddedParts, reasonOf } from '../embedded.ts';
import type { ExtractedPart, Extractor } from '../types.ts';
import { openZip } from '../zip/zip-archive.ts';

/**
 * Zip archives: every member extracted with the same registry (recursively: zips in zips, documents in zips) as a
 * part whose path is the member's path. The archive as a whole is refused when its declared sizes say bomb; a
 * member that is encrypted, unreadable or larger than declared gets its own error and the rest goes on.
 */
export const zipExtractor: Extractor = {
  id: 'zip',
  kinds: ['zip'],
  async extract(bytes, context) {
    const zip = openZip(bytes, context);
    const parts: ExtractedPart[] = [];
    const listing: string[] = [];
    for (const entry of zip.entries) {
      if (entry.directory) continue;
      // macOS resource forks repeat every member as AppleDouble metadata: not documents.
      if (entry.name.startsWith('__MACOSX/')) continue;
      listing.push(entry.name);
      let member: Uint8Array;
      try {
        member = zip.read(entry);
      } catch (error) {
        parts.push({ path: entry.name, kind: 'binary', text: '', error: reasonOf(error) });
        continue;
      }
      if (member.length === 0) continue; // an empty placeholder file says nothing
      const name = entry.name.split('/').pop()!;
      parts.push(...(await embeddedParts(context, member, name, entry.name)));
    }
    // The archive's own text is its table of contents: member names often carry a name or a case number.
    return { text: listing.join('\n'), parts, warnings: listing.length === 0 ? ['empty: the archive holds no files'] : [] };
  },
};
