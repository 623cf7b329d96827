import { emptyWarning } from '../embedded.ts';
import { rtfToText } from '../rtf-text.ts';
import type { Extractor } from '../types.ts';

/** Rich Text Format (.rtf, also what WordPad and many case systems write): see rtf-text.ts. */
export const rtfExtractor: Extractor = {
  id: 'rtf',
  kinds: ['rtf'],
  async extract(bytes) {
    const text = rtfToText(bytes);
    return { text, parts: [], warnings: emptyWarning(text, []) };
  },
};
