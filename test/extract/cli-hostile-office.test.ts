import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { burn } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';
import { describe, expect, it } from 'vitest';
import { bewaarder, ROOT } from '../support/cli.ts';

/** A zip whose directory says its member is 10 bytes, while it inflates to 50 MB. */
function lyingZip(): Buffer {
  const name = Buffer.from('klein.txt');
  const data = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x41));
  const header = (signature: number, size: number) => {
    const b = Buffer.alloc(size);
    b.writeUInt32LE(signature, 0);
    return b;
  };
  const local = header(0x04034b50, 30);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(10, 22);
  local.writeUInt16LE(name.length, 26);
  const central = header(0x02014b50, 46);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(10, 24);
  central.writeUInt16LE(name.length, 28);
  const end = header(0x06054b50, 22);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const EXPECTED: Record<string, string | RegExp> = {
  'afgebroken.docx': 'corrupt: no end of central directory (truncated?)',
  'beveiligd.doc': 'encrypted',
  'beveiligd.docx': 'encrypted',
  'beveiligd.odt': 'encrypted',
  'entiteiten-bom.docx': 'corrupt: word/document.xml declares a DTD, which Office files may not',
  'kapot.doc': 'corrupt: unreadable compound file',
  'kapot.xlsx': 'corrupt: no end of central directory (truncated?)',
  'leeg.docx': 'empty: the file has no content',
  'oude-presentatie.ppt': 'corrupt: no presentation in the PowerPoint document stream',
  'ruis.docx': 'unsupported format: binary',
  'zip-bomb.zip': /^too large: archive expands more than 100×/,
};

describe('bewaarder classify on a folder of hostile Office files and archives', () => {
  it('prints one line per file — an error for each bad one — and finishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-hostile-'));
    for (const name of Object.keys(EXPECTED)) {
      if (!['oude-presentatie.ppt', 'ruis.docx'].includes(name)) copyFileSync(join(ROOT, 'fixtures/hostile', name), join(dir, name));
    }
    writeFileSync(join(dir, 'oude-presentatie.ppt'), burn([
      { name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [1] },
      { name: 'PowerPoint Document', type: TypeEnum.DOCUMENT, length: 8, binaryProvider: () => new Uint8Array(8) },
    ]));
    writeFileSync(join(dir, 'ruis.docx'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'liegend.zip'), lyingZip());
    writeFileSync(join(dir, 'diep-genest.rtf'), `{\\rtf1\\ansi ${'{'.repeat(100_000)}Agenda van de vergadering${'}'.repeat(100_000)}}`);

    const started = Date.now();
    const run = bewaarder(['classify', '--json', dir]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(1); // some could not be read
    expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/); // no stack trace
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const byName = Object.fromEntries(lines.map((l) => [l.path.split('/').pop(), l]));
    expect(lines).toHaveLength(Object.keys(EXPECTED).length + 2);
    for (const [name, error] of Object.entries(EXPECTED)) {
      expect(Object.keys(byName[name]), name).toEqual(['path', 'error']);
      if (typeof error === 'string') expect(byName[name].error, name).toBe(error);
      else expect(byName[name].error, name).toMatch(error);
    }
    // Readable containers with a bad member, and odd but harmless RTF, get a result with the part's error.
    expect(byName['liegend.zip']).toMatchObject({ label: 'geen', parts: [{ path: 'klein.txt', error: 'corrupt: member larger than declared' }] });
    expect(byName['diep-genest.rtf']).toMatchObject({ format: 'rtf', label: expect.any(String) });
  });
});
