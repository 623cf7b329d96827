import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { extract } from '../../src/extract/registry.ts';

/** mammoth.js's own DOCX structure cases (BSD-2-Clause), in ../shared/testdata/docx: English text, no personal data. */
const DOCX = new URL('../../../shared/testdata/docx/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DOCX));
const textOf = async (name: string) => (await extract(read(name), name)).text;

describe('DOCX structure cases', () => {
  it('finds text in tables (a row on one line), text boxes (once), footnotes, endnotes and comments', async () => {
    expect(await textOf('tables.docx')).toBe('Above\nTop left\tTop right\nBottom left\tBottom right\nBelow');
    expect(await textOf('text-box.docx')).toBe('Datum plane'); // not twice: mc:Fallback repeats it
    for (const name of ['footnotes.docx', 'endnotes.docx', 'comments.docx']) {
      // mammoth's raw text has only "Ouch."; the note or comment is read from its own part.
      expect(await textOf(name), name).toBe('Ouch.\n\nA tachyon walks into a bar.\nFin.');
    }
  });

  it('reads strict OOXML, a UTF-8 BOM, lists and run formatting', async () => {
    expect(await textOf('strict-format.docx')).toBe('Test');
    expect(await textOf('utf8-bom.docx')).toBe('This XML has a byte order mark.');
    expect(await textOf('simple-list.docx')).toBe('Apple\nBanana');
    expect(await textOf('strikethrough.docx')).toBe("Today's Special: Salmon Sold out");
  });

  it('gives empty.docx its own result: geen, with a warning that it holds no text', async () => {
    const result = await classifyDocument(read('empty.docx'), 'empty.docx');
    expect(result).toMatchObject({ kind: 'docx', label: 'geen', findings: [], warnings: ['empty: the document holds no text'] });
  });

  it('labels every case geen', async () => {
    const names = ['comments', 'embedded-style-map', 'empty', 'endnotes', 'footnotes', 'simple-list', 'single-paragraph', 'strict-format', 'strikethrough', 'tables', 'text-box', 'underline', 'utf8-bom'];
    for (const name of names) {
      const result = await classifyDocument(read(`${name}.docx`), `${name}.docx`);
      expect(result.kind, name).toBe('docx');
      expect(result.label, name).toBe('geen');
    }
  });
});
