import { describe, expect, it } from 'vitest';
import { rtfToText } from '../../src/extract/rtf-text.ts';

const rtf = (s: string) => rtfToText(Buffer.from(s, 'latin1'));

describe('RTF to text', () => {
  it('reads paragraphs, tabs and escaped characters', () => {
    expect(rtf('{\\rtf1\\ansi Geachte heer,\\par Uw BSN:\\tab 111222333\\line einde}')).toBe('Geachte heer,\nUw BSN:\t111222333\neinde');
    expect(rtf('{\\rtf1 accolades \\{ en \\} en \\\\ backslash}')).toBe('accolades { en } en \\ backslash');
  });

  it("decodes \\'hh bytes in the document's code page", () => {
    expect(rtf("{\\rtf1\\ansi\\ansicpg1252 E\\'e9n keer, caf\\'e9, \\'80 5}")).toBe('Eén keer, café, € 5');
    expect(rtf("{\\rtf1\\ansi\\ansicpg1250 \\'8a\\'e8}")).toBe('Šč');
  });

  it('reads \\uN Unicode and skips its \\ucN fallback characters', () => {
    expect(rtf("{\\rtf1 \\u8364\\'80 en \\uc2\\u-3913?? ok}")).toBe('€ en \uf0b7 ok');
    expect(rtf('{\\rtf1 {\\uc0\\u233}t\\u233?}')).toBe('été');
  });

  it('skips font and colour tables, style sheets, document info, pictures and field instructions', () => {
    const doc =
      '{\\rtf1\\ansi{\\fonttbl{\\f0 Times New Roman;}}{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}' +
      '{\\info{\\author Jan Geheim}{\\title Titel}}{\\*\\generator Riched20;}' +
      'Zie {\\field{\\*\\fldinst HYPERLINK "https://example.nl"}{\\fldrslt de website}}.' +
      '{\\pict\\pngblip 89504e470d0a1a0a}{\\*\\unknowndest verborgen}\\par}';
    expect(rtf(doc)).toBe('Zie de website.');
  });

  it('keeps headers, footers, footnotes and comments: personal data hides there', () => {
    const doc = '{\\rtf1{\\header Dossier P. de Jong\\par}{\\footer Pagina\\par}Brief{\\footnote BSN 123456782}{\\*\\atnid JS}{\\*\\annotation Terugbellen}.}';
    expect(rtf(doc)).toBe('Dossier P. de Jong\nPagina\nBriefBSN 123456782Terugbellen.');
  });

  it('skips \\bin data, however it looks', () => {
    expect(rtf('{\\rtf1 voor {\\*\\objdata \\bin6 {}}\\\\x} na}')).toBe('voor  na');
    expect(rtf('{\\rtf1 voor \\bin4 }}}} na}')).toBe('voor  na');
  });

  it('survives absurd nesting and unbalanced braces in linear time', () => {
    const deep = `{\\rtf1 ${'{'.repeat(200_000)}tekst${'}'.repeat(200_000)}}`;
    const started = Date.now();
    expect(rtf(deep)).toBe('tekst');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(rtf('{\\rtf1 open {\\b vet')).toBe('open vet');
    expect(rtf('{\\rtf1 dicht}}} nog')).toBe('dicht nog');
  });
});
