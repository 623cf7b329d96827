import { emptyWarning } from '../embedded.ts';
import { contentTypes, embeddedFileParts, partsOfType, verifyMembers } from '../office/package.ts';
import { wordBodyText } from '../office/word-body.ts';
import { ExtractionError, type Extractor } from '../types.ts';
import { tidy, type XmlTextRules } from '../xml-text.ts';
import { openZip } from '../zip/zip-archive.ts';

/** WordprocessingML text: runs' `t` (and deleted text, still in the file), paragraphs, table rows and cells. */
export const WORD_TEXT: XmlTextRules = {
  textElements: new Set(['t', 'delText']),
  blocks: new Set(['p', 'tr']),
  cells: new Set(['tc']),
  tabs: new Set(['tab']),
  breaks: new Set(['br', 'cr']),
  // Properties hold tab-stop definitions (`w:tabs/w:tab`); mc:Fallback repeats a text box's content.
  skip: new Set(['pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'Fallback']),
};

/**
 * Where personal data hides outside the body: mammoth reads the body only, so these parts are read here. Headers
 * come first, as on the page (a letterhead naming the employee); the rest after the body.
 */
const HIDDEN_BEFORE = [{ type: 'header+xml', fallback: /^word\/header\d*\.xml$/i }];
const HIDDEN_AFTER = [
  { type: 'footer+xml', fallback: /^word\/footer\d*\.xml$/i },
  { type: 'footnotes+xml', fallback: /^word\/footnotes\.xml$/i },
  { type: 'endnotes+xml', fallback: /^word\/endnotes\.xml$/i },
  { type: 'comments+xml', fallback: /^word\/comments\.xml$/i },
];

/**
 * Word (.docx, .docm, .dotx; transitional and strict OOXML): the body through mammoth, with headers, footers,
 * footnotes, endnotes and comments from their own parts, and pictures and embedded files as parts.
 */
export const docxExtractor: Extractor = {
  id: 'docx',
  kinds: ['docx'],
  async extract(bytes, context) {
    const zip = openZip(bytes, context, { keep: true });
    verifyMembers(zip);
    let body: string;
    try {
      body = tidy(await wordBodyText(bytes));
    } catch {
      throw new ExtractionError('corrupt: the Word document cannot be read');
    }
    const types = contentTypes(zip);
    const read = (groups: typeof HIDDEN_AFTER) => {
      const seen = new Set<string>();
      for (const { type, fallback } of groups) {
        for (const name of partsOfType(zip, types, type, fallback)) {
          const text = zip.xmlText(name, WORD_TEXT);
          if (text) seen.add(text); // first-page and even-page headers often repeat the default one
        }
      }
      return [...seen];
    };
    const text = [...read(HIDDEN_BEFORE), body.trim(), ...read(HIDDEN_AFTER)].filter(Boolean).join('\n\n');
    const parts = await embeddedFileParts(zip, context, /^word\/media\//i, /^word\/embeddings\//i);
    return { text, parts, warnings: emptyWarning(text, parts) };
  },
};
