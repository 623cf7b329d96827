import { readOle } from '../ole.ts';
import { readPresentation, type Presentation } from '../ppt/index.ts';
import { ExtractionError, type Extractor } from '../types.ts';

/** CryptSession10Container's header bytes (recVer 0xF, instance 0, type 0x2F14): an encrypted presentation has one. */
const CRYPT_SESSION = [0x0f, 0x00, 0x14, 0x2f];

function hasCryptSession(stream: Uint8Array): boolean {
  for (let i = stream.indexOf(0x0f); i >= 0 && i + 4 <= stream.length; i = stream.indexOf(0x0f, i + 1)) {
    if (CRYPT_SESSION.every((b, k) => stream[i + k] === b)) return true;
  }
  return false;
}

/**
 * Legacy PowerPoint (.ppt, PowerPoint 97–2003), read by the project's own record reader (src/extract/ppt/): no
 * maintained npm library reads it. Like PPTX: `Dia N` with the slide's text, then `Notities:` and the speaker notes.
 */
export const pptExtractor: Extractor = {
  id: 'ppt',
  kinds: ['ppt'],
  async extract(bytes, context) {
    let stream: Uint8Array;
    try {
      const ole = readOle(bytes);
      if (ole.rootNames.includes('EncryptedSummary')) throw new ExtractionError('encrypted');
      const entry = ole.entries.find((e) => e.type === 2 && e.name === 'PowerPoint Document');
      if (!entry) throw new ExtractionError('corrupt: no PowerPoint document stream');
      if (entry.size > context.limits.maxBytes) throw new ExtractionError(`too large: presentation stream of ${entry.size} bytes`);
      stream = ole.readStream(entry, entry.size);
      if (stream.length < entry.size) throw new ExtractionError('corrupt: the presentation stream is cut off');
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      throw new ExtractionError('corrupt: unreadable compound file');
    }
    let presentation: Presentation;
    try {
      presentation = readPresentation(stream, context.limits.maxChars);
    } catch {
      throw new ExtractionError('corrupt: the PowerPoint 97–2003 presentation cannot be read');
    }
    // Encrypted records read as noise, so the walk breaks on them; the session record says why.
    if (presentation.damage !== undefined && hasCryptSession(stream)) throw new ExtractionError('encrypted');
    const sections = presentation.slides.map((slide, i) =>
      [`Dia ${i + 1}`, slide.text, slide.notes && `Notities:\n${slide.notes}`].filter(Boolean).join('\n'));
    const text = [...sections, presentation.other].filter(Boolean).join('\n\n');
    if (presentation.damage !== undefined && !text.trim()) throw new ExtractionError('corrupt: the PowerPoint 97–2003 presentation cannot be read');
    if (!presentation.hasDocument && !text.trim()) throw new ExtractionError('corrupt: no presentation in the PowerPoint document stream');
    const warnings: string[] = [];
    if (presentation.damage !== undefined) warnings.push('corrupt: the presentation is damaged; the text before the damage was read');
    if (!text.trim()) warnings.push('empty: the presentation holds no text');
    return { text, parts: [], warnings };
  },
};
