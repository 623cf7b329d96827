import { readFileSync } from 'node:fs';
import { burn } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/extract/sniff.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));

/** A compound file with the given streams at its root, as Office writes them. */
function ole(...streams: string[]): Uint8Array {
  const data = () => new Uint8Array(16);
  return burn([
    { name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: streams.map((_, i) => i + 1) },
    ...streams.map((name) => ({ name, type: TypeEnum.DOCUMENT, length: 16, binaryProvider: data })),
  ]);
}

describe('sniffing inside zip and OLE containers', () => {
  it('tells the Office and OpenDocument formats apart by content, whatever the name says', () => {
    const cases: [string, string][] = [
      ['fixtures/formats/brief-bijstand.docx', 'docx'],
      ['fixtures/formats/personeel.xlsx', 'xlsx'],
      ['fixtures/formats/presentatie.pptx', 'pptx'],
      ['fixtures/formats/brief-bijstand.odt', 'odt'],
      ['fixtures/formats/personeel.ods', 'ods'],
      ['fixtures/formats/presentatie.odp', 'odp'],
      ['fixtures/formats/dossier.zip', 'zip'],
      ['fixtures/formats/betalingsregeling.doc', 'doc'],
      ['fixtures/formats/betalingsregeling.rtf', 'rtf'],
      ['fixtures/formats/personeel.xls', 'xls'],
      ['fixtures/formats/msg/plain_unsent.msg', 'msg'],
      ['fixtures/hostile/beveiligd.docx', 'ole'], // encrypted OOXML: an OLE file, see legacy-office.ts
      ['fixtures/hostile/eigenlijk-pdf.docx', 'pdf'],
      ['fixtures/hostile/eigenlijk-tekst.pdf', 'text'],
    ];
    for (const [path, kind] of cases) {
      expect(sniff(read(path), 'bestand.bin'), path).toBe(kind);
      expect(sniff(read(path), path), path).toBe(kind);
    }
  });

  it('reads the main part from [Content_Types].xml, so strict OOXML and odd part names are still DOCX', () => {
    expect(sniff(readFileSync(new URL('../../../shared/testdata/docx/strict-format.docx', import.meta.url)))).toBe('docx');
  });

  it('tells macro-enabled and template packages by their content types, and a bare zip stays a zip', async () => {
    const pkg = async (contentType: string) => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', `<Types><Override PartName="/main.xml" ContentType="${contentType}"/></Types>`);
      zip.file('main.xml', '<x/>');
      return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    };
    expect(sniff(await pkg('application/vnd.ms-word.document.macroEnabled.main+xml'))).toBe('docx');
    expect(sniff(await pkg('application/vnd.ms-excel.sheet.macroEnabled.main+xml'))).toBe('xlsx');
    expect(sniff(await pkg('application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml'))).toBe('pptx');
    expect(sniff(await pkg('application/xml'))).toBe('zip');
  });

  it('tells OLE files by their streams', () => {
    expect(sniff(ole('WordDocument', '1Table'))).toBe('doc');
    expect(sniff(ole('Workbook'))).toBe('xls');
    expect(sniff(ole('PowerPoint Document', 'Current User'))).toBe('ppt');
    expect(sniff(ole('__properties_version1.0', '__substg1.0_0037001F'))).toBe('msg');
    expect(sniff(ole('EncryptionInfo', 'EncryptedPackage'))).toBe('ole');
    expect(sniff(ole('Contents'))).toBe('ole');
  });

  it('keeps a truncated container the container kind, for its extractor to call corrupt', () => {
    expect(sniff(read('fixtures/hostile/afgebroken.docx'))).toBe('zip');
    expect(sniff(read('fixtures/hostile/kapot.doc'))).toBe('ole');
  });
});
