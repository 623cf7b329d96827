import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { extract } from '../../src/extract/registry.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url));
const classify = (name: string) => classifyDocument(fixture(name), name);
const PERL_MSG = new URL('../../fixtures/formats/msg/', import.meta.url);

describe('office formats reach the classifier with their hidden text', () => {
  it('DOCX: the BSN only in a footnote and the name only in the header are found, tables stay on one line', async () => {
    const { text, kind, parts } = await extract(fixture('brief-bijstand.docx'), 'brief-bijstand.docx');
    expect(kind).toBe('docx');
    expect(text).toMatch(/^Dossier mevrouw Anouk Verbeek/); // the header, first as on the page
    expect(text).toContain('BSN: 111222333'); // the footnote
    expect(text).toContain('Bedrag nog controleren met de leverancier.'); // the comment
    expect(text).toContain('Zaaknummer\tZ-2024-0815'); // a table row
    expect(parts).toEqual([expect.objectContaining({ path: 'word/media/image1.png', kind: 'png' })]);
    const result = await classify('brief-bijstand.docx');
    expect(result.label).toBe('bijzonder');
    expect(result.categories).toEqual(expect.arrayContaining(['bsn', 'person-name', 'address']));
  });

  it('ODT (letter with header, footnote and comment) and the same letter from a flat ODF source', async () => {
    const letter = await classify('brief-bijstand.odt');
    expect(letter.kind).toBe('odt');
    expect(letter.label).toBe('bijzonder');
    expect(letter.categories).toEqual(expect.arrayContaining(['bsn', 'person-name']));
    const client = await classify('betalingsregeling.odt');
    expect(client.label).toBe('bijzonder');
    // The footnote's number must not glue onto the IBAN it follows.
    expect(client.categories).toEqual(expect.arrayContaining(['bsn', 'iban', 'phone', 'address']));
  });

  it('legacy Word (.doc) and RTF give the letter with its header, footer and footnote', async () => {
    for (const name of ['betalingsregeling.doc', 'betalingsregeling.rtf']) {
      const { text } = await extract(fixture(name), name);
      expect(text).toContain('Stichting Schuldhulp Midden');
      expect(text).toContain('Eén keer per jaar'); // \'c9 or \u201 in RTF, CP1252 in .doc
      expect(text).toContain('Eva Smit op 06-12345678'); // the footnote
      const result = await classify(name);
      expect(result.label, name).toBe('bijzonder');
      expect(result.categories, name).toEqual(expect.arrayContaining(['bsn', 'iban', 'phone', 'person-name']));
    }
  });

  it('XLSX and ODS: every sheet, rows tab-separated under their header, dates as dd-mm-jjjj', async () => {
    for (const name of ['personeel.xlsx', 'personeel.ods']) {
      const { text } = await extract(fixture(name), name);
      expect(text).toContain('Blad: Salarisadministratie');
      expect(text).toContain('Personeelsnummer\tNaam\tBSN\tIBAN');
      expect(text).toContain('10023\tSanne Visser\t04-07-1992\tZorg\ts.visser@voorbeeldzorg.nl');
      const result = await classify(name);
      expect(result.label, name).toBe('bijzonder');
      expect(result.categories, name).toEqual(expect.arrayContaining(['bsn', 'iban', 'email', 'date-of-birth', 'person-name']));
    }
  });

  it('legacy XLS (BIFF8): the same sheets, rows, dates and label as the XLSX it was saved from', async () => {
    const { text } = await extract(fixture('personeel.xls'), 'personeel.xls');
    expect(text).toContain('Blad: Salarisadministratie');
    expect(text).toContain('Personeelsnummer\tNaam\tBSN\tIBAN');
    expect(text).toContain('10023\tSanne Visser\t04-07-1992\tZorg\ts.visser@voorbeeldzorg.nl'); // a date cell as a date
    const result = await classify('personeel.xls');
    expect(result.label).toBe('bijzonder');
    expect(result.categories).toEqual(expect.arrayContaining(['bsn', 'iban', 'email', 'date-of-birth', 'person-name']));
  });

  it('PPTX and ODP: a contact person only in the speaker notes makes the deck generiek', async () => {
    const { text } = await extract(fixture('presentatie.pptx'), 'presentatie.pptx');
    expect(text).toMatch(/Dia 2\nPlanning[\s\S]*Notities:\nContactpersoon voor de verhuizing: Pieter de Jong/);
    for (const name of ['presentatie.pptx', 'presentatie.odp']) {
      const result = await classify(name);
      expect(result.label, name).toBe('generiek');
      expect(result.categories, name).toEqual(expect.arrayContaining(['phone', 'email']));
    }
  });

  it('MSG (a real Outlook file): sender, recipient, subject and body; the attachment as a part', async () => {
    const bytes = readFileSync(new URL('plain_jpeg_attached.msg', PERL_MSG));
    const { kind, text, parts } = await extract(bytes, 'plain_jpeg_attached.msg');
    expect(kind).toBe('msg');
    expect(text).toMatch(/^Van: Matijs van Zuijlen <Matijs\.van\.Zuijlen@xs4all\.nl>\nAan: matijs@xxxxxx\.nl\nOnderwerp: test\n\ntest/);
    expect(parts[0]).toMatchObject({ path: 'attachment:test.jpg', kind: 'jpeg' });
    const result = await classifyDocument(bytes, 'plain_jpeg_attached.msg');
    expect(result.label).toBe('generiek');
    expect(result.parts.map((p) => p.path)).toEqual(['attachment:test.jpg']);
  });

  it('MSG written by Outlook, unsent (no sender), with a Unicode body', async () => {
    const { text } = await extract(readFileSync(new URL('plain_uc_unsent.msg', PERL_MSG)), 'plain_uc_unsent.msg');
    expect(text).toContain('Aan: Someone Else <someone@somewhere.com>');
    expect(text).toContain('This is a test\nThe body is in plain text');
  });

  it('MSG with a Word letter and a forwarded message attached: each a part, the label covers all', async () => {
    const bytes = readFileSync(new URL('verzuimdossier.msg', PERL_MSG));
    const { text, parts } = await extract(bytes, 'verzuimdossier.msg');
    expect(text).toMatch(/^Van: Linda Bakker <l\.bakker@voorbeeldzorg\.nl>\nAan: Pieter de Jong <p\.dejong@voorbeeldzorg\.nl>\nCc: Bedrijfsarts/);
    expect(parts.map((p) => [p.path, p.kind])).toEqual([
      ['attachment:brief-bijstand.docx', 'docx'],
      ['attachment:brief-bijstand.docx/word/media/image1.png', 'png'],
      ['attachment:Ziekmelding.msg', 'msg'],
    ]);
    expect(parts[2]!.text).toContain('Van: Sanne Visser');
    const result = await classifyDocument(bytes, 'verzuimdossier.msg');
    expect(result.label).toBe('bijzonder');
    expect(result.findings.some((f) => f.category === 'bsn' && f.part === 'attachment:brief-bijstand.docx')).toBe(true);
    expect(result.findings.some((f) => f.category === 'health' && f.part === 'attachment:Ziekmelding.msg')).toBe(true);
  });

  it('ZIP: members are parts with their path, recursively, and findings say which member they came from', async () => {
    const result = await classify('dossier.zip');
    expect(result.kind).toBe('zip');
    expect(result.label).toBe('bijzonder');
    expect(result.parts.map((p) => p.path)).toEqual([
      'dossier/brief-bijstand.docx',
      'dossier/brief-bijstand.docx/word/media/image1.png',
      'dossier/terugbelnotitie.txt',
    ]);
    expect(result.findings.some((f) => f.category === 'bsn' && f.part === 'dossier/terugbelnotitie.txt')).toBe(true);
    expect(result.findings.some((f) => f.category === 'bsn' && f.part === 'dossier/brief-bijstand.docx')).toBe(true);

    const nested = await classify('export-genest.zip');
    expect(nested.label).toBe('bijzonder');
    expect(nested.findings.some((f) => f.category === 'bsn' && f.part === 'export/dossier.zip/dossier/terugbelnotitie.txt')).toBe(true);
    expect(nested.parts.find((p) => p.path === 'export/leesmij.txt')).toMatchObject({ label: 'geen' });
  });

  it('ZIP: an encrypted member is that part\'s error, the open member is still read', async () => {
    const result = await classify('deels-versleuteld.zip');
    expect(result.parts).toEqual([
      { path: 'open.txt', label: 'geen', documentType: expect.any(String) },
      { path: 'geheim.txt', error: 'encrypted' },
    ]);
  });
});

describe('HTML', () => {
  it('keeps the cells of a table apart, so a department mailbox is read as the role it is', async () => {
    const html = '<html><body><h1>Contact</h1><table><tr><td>Vacatures</td><td>vacatures@adviesbureau.nl</td></tr>' +
      '<tr><td>Receptie</td><td>010-1234567</td></tr></table></body></html>';
    const { text, kind } = await extract(Buffer.from(html), 'contact.html');
    expect(kind).toBe('html');
    expect(text).toMatch(/Vacatures\s+vacatures@adviesbureau\.nl/);
    const result = await classifyDocument(Buffer.from(html), 'contact.html');
    expect(result.label).toBe('geen');
  });
});
