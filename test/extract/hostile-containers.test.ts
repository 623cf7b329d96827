import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { extract } from '../../src/extract/registry.ts';
import { DEFAULT_LIMITS, ExtractionError } from '../../src/extract/types.ts';

const hostile = (name: string) => readFileSync(new URL(`../../fixtures/hostile/${name}`, import.meta.url));

async function reason(bytes: Uint8Array, name: string, limits = DEFAULT_LIMITS): Promise<string> {
  try {
    await extract(bytes, name, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractionError);
    return (error as ExtractionError).reason;
  }
  throw new Error(`${name} was read without an error`);
}

/** A zip with one deflated member whose central directory and local header declare `declared` bytes. */
function zipDeclaring(content: Buffer, declared: number): Buffer {
  const name = Buffer.from('data.txt');
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('bad containers each give one clear error', () => {
  it('refuses a zip bomb by its declared sizes, before inflating', async () => {
    expect(await reason(hostile('zip-bomb.zip'), 'zip-bomb.zip')).toMatch(/^too large: archive expands more than 100× \(20 MB from \d+ bytes\)$/);
    // The same check guards Office packages: a DOCX is a zip too.
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    bomb.file('word/document.xml', Buffer.alloc(12 * 1024 * 1024, 0x20));
    const docx = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(await reason(docx, 'groot.docx')).toMatch(/^too large: archive expands more than 100×/);
  });

  it('stops inflating a member that grows past its declared size (a lying zip)', async () => {
    const lying = zipDeclaring(Buffer.alloc(5 * 1024 * 1024, 0x41), 1000);
    const result = await extract(lying, 'archief.zip');
    expect(result.parts).toEqual([{ path: 'data.txt', kind: 'binary', text: '', error: 'corrupt: member larger than declared' }]);
  });

  it('caps the members and bytes one document may unpack, over all nesting levels', async () => {
    const many = new JSZip();
    for (let i = 0; i < 30; i++) many.file(`notitie-${i}.txt`, `Notitie ${i}`);
    const bytes = await many.generateAsync({ type: 'nodebuffer' });
    expect(await reason(bytes, 'veel.zip', { ...DEFAULT_LIMITS, maxMembers: 20 })).toBe('too large: more than 20 archive members');

    const inner = await many.generateAsync({ type: 'nodebuffer' });
    const outer = new JSZip();
    outer.file('a.zip', inner);
    outer.file('b.zip', inner);
    const nested = await extract(await outer.generateAsync({ type: 'nodebuffer' }), 'genest.zip', { ...DEFAULT_LIMITS, maxMembers: 40 });
    // The first inner archive fits the budget; the second would pass 40 members in all.
    expect(nested.parts.find((p) => p.path === 'a.zip')?.error).toBeUndefined();
    expect(nested.parts.find((p) => p.path === 'b.zip')?.error).toBe('too large: more than 40 archive members');

    expect(await reason(bytes, 'veel.zip', { ...DEFAULT_LIMITS, maxUnpackedBytes: 100 })).toMatch(/^too large: archive unpacks to/);
  });

  it('stops at the nesting depth', async () => {
    let bytes: Buffer = Buffer.from('BSN: 111222333');
    let name = 'diep.txt';
    for (let i = 0; i < 8; i++) {
      const zip = new JSZip();
      zip.file(name, bytes);
      bytes = await zip.generateAsync({ type: 'nodebuffer' });
      name = `laag-${i}.zip`;
    }
    const result = await extract(bytes, name);
    expect(result.parts.some((p) => p.error?.startsWith('too deeply nested'))).toBe(true);
  });

  it('reports encrypted Office files: OOXML (agile encryption), ODF (manifest) and Word 97 (FIB flag)', async () => {
    expect(await reason(hostile('beveiligd.docx'), 'beveiligd.docx')).toBe('encrypted');
    expect(await reason(hostile('beveiligd.odt'), 'beveiligd.odt')).toBe('encrypted');
    expect(await reason(hostile('beveiligd.doc'), 'beveiligd.doc')).toBe('encrypted');
  });

  it('reports corrupt and truncated files without their content', async () => {
    expect(await reason(hostile('afgebroken.docx'), 'afgebroken.docx')).toBe('corrupt: no end of central directory (truncated?)');
    expect(await reason(hostile('kapot.xlsx'), 'kapot.xlsx')).toBe('corrupt: no end of central directory (truncated?)');
    expect(await reason(hostile('kapot.doc'), 'kapot.doc')).toBe('corrupt: unreadable compound file');
    expect(await reason(hostile('entiteiten-bom.docx'), 'entiteiten-bom.docx')).toBe('corrupt: word/document.xml declares a DTD, which Office files may not');
    expect(await reason(hostile('leeg.docx'), 'leeg.docx')).toBe('empty: the file has no content');
    const xls = readFileSync(new URL('../../fixtures/formats/personeel.xls', import.meta.url));
    expect(await reason(xls.subarray(0, 1536), 'afgebroken.xls')).toMatch(/^corrupt: /);
  });

  it('reports a malformed part of a package as corrupt, naming the part', async () => {
    const zip = await JSZip.loadAsync(readFileSync(new URL('../../fixtures/formats/presentatie.pptx', import.meta.url)));
    zip.file('ppt/slides/slide1.xml', '<p:sld xmlns:p="x"><p:cSld><a:t>Projectplan</p:cSld>');
    const broken = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await reason(broken, 'kapot.pptx')).toBe('corrupt: ppt/slides/slide1.xml: mismatched end tag');
  });

  it('reads a file by what it is, not by its name', async () => {
    const renamed = await classifyDocument(hostile('eigenlijk-tekst.pdf'), 'eigenlijk-tekst.pdf');
    expect(renamed).toMatchObject({ kind: 'text', label: 'bijzonder' });
  });
});
