import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/extract/decode.ts';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from('Geachte heer Müller, € 12,50', 'utf8'), 'Geachte heer Müller, € 12,50', 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('patiënt', 'utf8')]), 'patiënt', 'utf-8'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BSN: 111222333', 'utf16le')]), 'BSN: 111222333', 'utf-16le'],
    ['UTF-16 LE without BOM', Buffer.from('Naam: Jansen', 'utf16le'), 'Naam: Jansen', 'utf-16le'],
    ['Windows-1252 with euro sign and curly quotes', Buffer.from([0x80, 0x20, 0x35, 0x20, 0x93, 0x6a, 0x61, 0x94, 0x20, 0xe9]), '€ 5 “ja” é', 'windows-1252'],
  ])('%s', (_, bytes, text, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });
});
