import { describe, expect, it } from 'vitest';
import { readSharedStrings } from '../../src/extract/xls/sst.ts';

const header = (unique: number) => Uint8Array.from([unique, 0, 0, 0, unique, 0, 0, 0]);
const u16 = (n: number) => [n & 0xff, n >> 8];
const latin = (s: string) => [...s].map((c) => c.charCodeAt(0));
const wide = (s: string) => [...s].flatMap((c) => u16(c.charCodeAt(0)));

describe('BIFF8 shared strings', () => {
  it('reads 8-bit and 16-bit strings', () => {
    const sst = Uint8Array.from([...header(2), ...u16(5), 0, ...latin('Jan B'), ...u16(3), 1, ...wide('Zoë')]);
    expect(readSharedStrings([sst], 10)).toEqual(['Jan B', 'Zoë']);
  });

  it('follows a string across a CONTINUE record, where the width is stated again', () => {
    const sst = Uint8Array.from([...header(2), ...u16(11), 0, ...latin('Burgerser')]);
    const more = Uint8Array.from([1, ...wide('vi'), ...u16(3), 0, ...latin('BSN')]);
    expect(readSharedStrings([sst, more], 10)).toEqual(['Burgerservi', 'BSN']);
  });

  it('skips rich-text runs and extended data, also across a boundary', () => {
    const sst = Uint8Array.from([...header(2), ...u16(2), 0x08, ...u16(1), ...latin('ab'), 1, 2]);
    const more = Uint8Array.from([3, 4, ...u16(2), 0, ...latin('cd')]);
    expect(readSharedStrings([sst, more], 10)).toEqual(['ab', 'cd']);
  });
});
