import { decodeText } from '../decode.ts';
import type { Extractor } from '../types.ts';

/** Plain text, Markdown and CSV/TSV: decoded as they are (a CSV's separators do not hinder the detectors). */
export const plainTextExtractor: Extractor = {
  id: 'plain-text',
  kinds: ['text', 'markdown', 'csv'],
  async extract(bytes) {
    const { text, encoding } = decodeText(bytes);
    return { text, parts: [], warnings: encoding === 'windows-1252' ? ['not UTF-8: read as Windows-1252'] : [] };
  },
};
