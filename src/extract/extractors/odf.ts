import { emptyWarning } from '../embedded.ts';
import { embeddedFileParts } from '../office/package.ts';
import { ExtractionError, type Extractor } from '../types.ts';
import { attribute, type XmlTextRules } from '../xml-text.ts';
import { openZip } from '../zip/zip-archive.ts';

/** ODF's text model: all character data is text, white space collapsed; `text:s` stands for extra spaces. */
const ODF_TEXT: XmlTextRules = {
  blocks: new Set(['p', 'h', 'table-row', 'page', 'dc:creator', 'dc:date']),
  cells: new Set(['table-cell', 'covered-table-cell']),
  tabs: new Set(['tab']),
  breaks: new Set(['line-break']),
  // styles.xml holds formatting everywhere but in its master pages, where the headers and footers are.
  // A footnote's number would glue onto the word it follows (`…1643 00` + `1`): dropped; its text starts a line.
  skip: new Set(['automatic-styles', 'styles', 'font-face-decls', 'scripts', 'settings', 'sequence-decls', 'note-citation']),
  collapseWhitespace: true,
  onStart: (name, attributes) => {
    if (name === 's') return ' '.repeat(Math.min(Number(attribute(attributes, 'c') ?? 1) || 1, 100));
    return name === 'note-body' || name === 'annotation' ? '\n' : undefined;
  },
};

const SHEET_TEXT: XmlTextRules = {
  ...ODF_TEXT,
  onStart: (name, attributes) => (name === 'table' ? `\nBlad: ${attribute(attributes, 'name') ?? ''}\n` : ODF_TEXT.onStart!(name, attributes)),
};

/**
 * Headers and footers in styles.xml: their fields show what was last rendered for a template (`???` for a sheet
 * name, `<number>` for a page), which is noise, not content.
 */
const MASTER_PAGE_TEXT: XmlTextRules = {
  ...ODF_TEXT,
  skip: new Set([...ODF_TEXT.skip!, 'page-number', 'page-count', 'sheet-name', 'table-name', 'file-name', 'date', 'time', 'title', 'chapter']),
};

/**
 * OpenDocument text, spreadsheet and presentation (.odt, .ods, .odp and templates): content.xml (body, tables,
 * footnotes, comments, speaker notes) and the headers and footers in styles.xml; pictures as parts. A package
 * whose manifest carries encryption data is password-protected: its content is unreadable without the password.
 */
export const odfExtractor: Extractor = {
  id: 'odf',
  kinds: ['odt', 'ods', 'odp'],
  async extract(bytes, context) {
    const zip = openZip(bytes, context, { keep: true });
    const manifest = zip.text('META-INF/manifest.xml') ?? '';
    if (/<(?:\w+:)?encryption-data\b/.test(manifest)) throw new ExtractionError('encrypted');
    if (!zip.find('content.xml')) throw new ExtractionError('corrupt: the OpenDocument file has no content.xml');
    const header = zip.xmlText('styles.xml', MASTER_PAGE_TEXT) ?? '';
    // A spreadsheet's sheets are named, as exceljs's are for .xlsx: `Blad: Salarisadministratie` above its rows.
    const spreadsheet = (zip.text('mimetype') ?? '').includes('spreadsheet');
    const body = zip.xmlText('content.xml', spreadsheet ? SHEET_TEXT : ODF_TEXT) ?? '';
    const text = [header, body].filter(Boolean).join('\n\n');
    const parts = await embeddedFileParts(zip, context, /^(?:Pictures|media)\//i, /^$/);
    return { text, parts, warnings: emptyWarning(text, parts) };
  },
};
