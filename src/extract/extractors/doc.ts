import WordExtractor from 'word-extractor';
import { emptyWarning } from '../embedded.ts';
import { readOle } from '../ole.ts';
import { ExtractionError, type Extractor } from '../types.ts';
import { tidy } from '../xml-text.ts';

/** FIB flags (MS-DOC 2.5.2): fEncrypted, and fObfuscated (XOR "encryption" of Word 95 days). */
const F_ENCRYPTED = 0x0100;
const F_OBFUSCATED = 0x8000;

/** Whether the WordDocument stream's File Information Block says the text is encrypted. */
function isEncrypted(bytes: Uint8Array): boolean {
  const ole = readOle(bytes);
  const stream = ole.entries.find((e) => e.name === 'WordDocument' && e.type === 2);
  if (!stream) throw new ExtractionError('corrupt: no WordDocument stream');
  const fib = ole.readStream(stream, 12);
  if (fib.length < 12) throw new ExtractionError('corrupt: the Word document is truncated');
  const flags = fib[10]! | (fib[11]! << 8);
  return (flags & (F_ENCRYPTED | F_OBFUSCATED)) !== 0;
}

/**
 * Word 97–2003 (.doc) through word-extractor: body, headers and footers, footnotes, endnotes, comments and text
 * boxes. A password-protected .doc is told from its FIB before parsing (word-extractor would read ciphertext).
 */
export const docExtractor: Extractor = {
  id: 'doc',
  kinds: ['doc'],
  async extract(bytes) {
    let encrypted: boolean;
    try {
      encrypted = isEncrypted(bytes);
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      throw new ExtractionError('corrupt: unreadable compound file');
    }
    if (encrypted) throw new ExtractionError('encrypted');
    let document;
    try {
      document = await new WordExtractor().extract(Buffer.from(bytes));
    } catch {
      throw new ExtractionError('corrupt: the Word 97-2003 document cannot be read');
    }
    const sections = [
      document.getHeaders({ includeFooters: false }),
      document.getBody(),
      document.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }),
      document.getFooters(),
      document.getFootnotes(),
      document.getEndnotes(),
      document.getAnnotations(),
    ];
    const text = tidy(sections.map((s) => s.trim()).filter(Boolean).join('\n\n'));
    return { text, parts: [], warnings: emptyWarning(text, []) };
  },
};
