import { readFileSync } from 'node:fs';
import { burn } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { readOle } from '../../src/extract/ole.ts';
import { extract } from '../../src/extract/registry.ts';
import { bewaarder } from '../support/cli.ts';

const fixture = readFileSync(new URL('../../fixtures/formats/presentatie.ppt', import.meta.url));

/** A record header per [MS-PPT] 2.3.1: recVer/recInstance, recType, recLen. */
function record(type: number, body: Uint8Array | number[], { container = false, instance = 0, length }: { container?: boolean; instance?: number; length?: number } = {}) {
  const data = Uint8Array.from(body);
  const head = Buffer.alloc(8);
  head.writeUInt16LE((instance << 4) | (container ? 0x0f : 0), 0);
  head.writeUInt16LE(type, 2);
  head.writeUInt32LE(length ?? data.length, 4);
  return Uint8Array.from([...head, ...data]);
}
const wide = (s: string) => [...Buffer.from(s, 'utf16le')];

/** An OLE file with these streams, as PowerPoint would store them. */
function ppt(streams: Record<string, Uint8Array>): Buffer {
  const names = Object.keys(streams);
  return Buffer.from(burn([
    { name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: names.map((_, i) => i + 1) },
    ...names.map((name) => ({ name, type: TypeEnum.DOCUMENT, length: streams[name]!.length, binaryProvider: () => streams[name]! })),
  ]));
}
const read = (bytes: Uint8Array) => extract(bytes, 'deck.ppt');

describe('legacy PowerPoint (.ppt)', () => {
  it('reads every slide in show order with its speaker notes, as LibreOffice saved them', async () => {
    const { kind, text, warnings } = await read(fixture);
    expect(kind).toBe('ppt');
    expect(warnings).toEqual([]);
    expect(text).toBe([
      'Dia 1\nProjectplan nieuwe huisvesting\nVerhuizing van het kantoor naar de Stationsweg\nPlanning in drie fasen\nNotities:\nWelkom heten en de agenda doornemen.',
      'Dia 2\nPlanning\nFase 1: inventarisatie (mei)\nFase 2: inrichting (juni)\nFase 3: verhuizing (juli)\nNotities:\n'
        + 'Contactpersoon voor de verhuizing: Pieter de Jong, telefoon 06-12345678, e-mail p.dejong@voorbeeldbedrijf.nl.',
    ].join('\n\n'));
  });

  it('labels the deck like the PPTX it was saved from: the contact person in the notes makes it generiek', async () => {
    const result = await classifyDocument(fixture, 'presentatie.ppt');
    expect(result.label).toBe('generiek');
    expect(result.categories).toEqual(expect.arrayContaining(['phone', 'email']));
  });

  it('reads 8-bit (cp1252) and UTF-16 text atoms and CStrings such as a footer, in document order', async () => {
    const stream = record(0x03e8, [
      ...record(0x0fa8, [...Buffer.from('Eén keer per jaar', 'latin1'), 0x80]), // TextBytesAtom; 0x80 is € in cp1252
      ...record(0x0fa0, wide('Zoë van Dijk\rBSN 111222333')), // TextCharsAtom, paragraphs end in CR
      ...record(0x0fd9, record(0x0fba, wide('Voettekst: afdeling Personeelszaken'), { instance: 2 }), { container: true }),
      ...record(0x138a, record(0x0fba, wide('___PPT10')), { container: true }), // a tag name, not text
    ], { container: true });
    const { text } = await read(ppt({ 'Current User': new Uint8Array(32), 'PowerPoint Document': stream }));
    expect(text).toBe('Eén keer per jaar€\nZoë van Dijk\nBSN 111222333\nVoettekst: afdeling Personeelszaken');
  });

  it('an encrypted presentation is "encrypted"', async () => {
    const stream = Uint8Array.from([...record(0x03e8, [1, 2, 3, 4, 5, 6, 7, 8], { container: true, length: 4000 })]);
    const session = record(0x2f14, record(0x2f15, [0, 0, 0, 0]), { container: true });
    await expect(read(ppt({ 'EncryptedSummary': new Uint8Array(16), 'PowerPoint Document': stream }))).rejects.toThrow(/^encrypted$/);
    // Without the summary stream: the walk breaks on encrypted bytes, and the CryptSession10Container says why.
    await expect(read(ppt({ 'PowerPoint Document': Uint8Array.from([...session, ...stream]) }))).rejects.toThrow(/^encrypted$/);
  });

  it('hostile: a record claiming 4 GB, a truncated stream and containers nested 100,000 deep each give a clear error, fast', async () => {
    const started = Date.now();
    const overflow = record(0x03e8, record(0x0fa0, wide('Tekst')), { container: true, length: 0xffffffff });
    await expect(read(ppt({ 'PowerPoint Document': overflow }))).rejects.toThrow('corrupt: the PowerPoint 97–2003 presentation cannot be read');

    const ole = readOle(fixture);
    const entry = ole.entries.find((e) => e.name === 'PowerPoint Document')!;
    const cut = ole.readStream(entry, entry.size).subarray(0, 3000); // inside the first slide's master
    const truncated = await read(ppt({ 'PowerPoint Document': cut }));
    expect(truncated.warnings).toEqual(['corrupt: the presentation is damaged; the text before the damage was read']);

    let deep: Uint8Array = record(0x0fa0, wide('diep'));
    const header = (length: number) => { const h = Buffer.alloc(8); h.writeUInt16LE(0x0f, 0); h.writeUInt16LE(0x03e8, 2); h.writeUInt32LE(length, 4); return h; };
    const parts: Buffer[] = [];
    for (let i = 100_000; i > 0; i--) parts.push(header(deep.length + i * 8 - 8));
    deep = Buffer.concat([...parts, Buffer.from(deep)]);
    await expect(read(ppt({ 'PowerPoint Document': deep }))).rejects.toThrow('corrupt: the PowerPoint 97–2003 presentation cannot be read');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('bewaarder classify --json on the .ppt gives its format, label and findings, and no raw contact data', () => {
    const run = bewaarder(['classify', '--json', 'fixtures/formats/presentatie.ppt']);
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as Record<string, any>;
    expect(line).toMatchObject({ path: 'fixtures/formats/presentatie.ppt', format: 'ppt', label: 'generiek' });
    expect(line.findings.map((f: { category: string }) => f.category)).toEqual(expect.arrayContaining(['phone', 'email']));
    expect(run.stdout + run.stderr).not.toMatch(/12345678|p\.dejong@/);
  });
});
