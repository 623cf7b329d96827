import { readFileSync } from 'node:fs';
import msgreader from '@kenjiuno/msgreader';
import { describe, expect, it } from 'vitest';
import { rtfBody } from '../../src/extract/extractors/msg.ts';

type MsgReaderClass = typeof import('@kenjiuno/msgreader').default;
// CommonJS with an ES-style default export (see src/extract/extractors/msg.ts).
const MsgReader: MsgReaderClass = ((msgreader as { default?: MsgReaderClass }).default ?? msgreader) as MsgReaderClass;

describe('an Outlook body kept only as compressed RTF', () => {
  it('is decompressed and read as the same text as the plain body', () => {
    const bytes = readFileSync(new URL('../../fixtures/formats/msg/plain_unsent.msg', import.meta.url));
    const fields = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)).getFileData();
    expect(fields.compressedRtf?.length).toBeGreaterThan(0);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(rtfBody(fields.compressedRtf!))).toEqual(words(fields.body ?? ''));
  });
});
