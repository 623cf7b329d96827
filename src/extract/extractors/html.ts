import { convert } from 'html-to-text';
import { decodeText } from '../decode.ts';
import type { Extractor } from '../types.ts';

/** HTML to text: scripts, styles and images dropped; link targets kept only when they are mailto/tel. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      // Cells of a table stay apart ("Vacatures  vacatures@…", not "Vacaturesvacatures@…"), so words and addresses
      // are read as they were written.
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

export const htmlExtractor: Extractor = {
  id: 'html',
  kinds: ['html'],
  async extract(bytes) {
    return { text: htmlToText(decodeText(bytes).text), parts: [], warnings: [] };
  },
};
