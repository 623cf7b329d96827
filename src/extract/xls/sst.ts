/**
 * The shared string table of a BIFF8 workbook (SST record and its CONTINUE records). A string may run across a
 * CONTINUE boundary; there its characters go on after a new flags byte that says whether they are 8- or 16-bit.
 */
export function readSharedStrings(segments: readonly Uint8Array[], maxStrings: number): string[] {
  let seg = 0;
  let pos = 8; // the SST record starts with total and unique counts
  const atEnd = () => seg >= segments.length;
  const advanceIfDone = () => {
    while (!atEnd() && pos >= segments[seg]!.length) {
      seg++;
      pos = 0;
    }
  };
  const byte = (): number => {
    advanceIfDone();
    if (atEnd()) throw new RangeError('shared strings end early');
    return segments[seg]![pos++]!;
  };
  const u16 = () => byte() | (byte() << 8);
  const u32 = () => (u16() | (u16() << 16)) >>> 0;
  const skip = (n: number) => {
    for (let left = n; left > 0; ) {
      advanceIfDone();
      if (atEnd()) return;
      const take = Math.min(left, segments[seg]!.length - pos);
      pos += take;
      left -= take;
    }
  };

  const unique = segments[0] && segments[0].length >= 8 ? new DataView(segments[0].buffer, segments[0].byteOffset + 4, 4).getUint32(0, true) : 0;
  const strings: string[] = [];
  while (strings.length < Math.min(unique, maxStrings)) {
    advanceIfDone();
    if (atEnd()) break;
    const count = u16();
    const flags = byte();
    const runs = flags & 0x08 ? u16() : 0;
    const extended = flags & 0x04 ? u32() : 0;
    let wide = (flags & 0x01) !== 0;
    let text = '';
    for (let left = count; left > 0; ) {
      if (pos >= (segments[seg]?.length ?? 0)) {
        seg++;
        pos = 0;
        if (atEnd()) break;
        wide = (segments[seg]![pos++]! & 0x01) !== 0; // a continued string restates its width
      }
      const segment = segments[seg]!;
      const fit = Math.min(left, Math.floor((segment.length - pos) / (wide ? 2 : 1)));
      for (let k = 0; k < fit; k++) {
        text += String.fromCharCode(wide ? segment[pos]! | (segment[pos + 1]! << 8) : segment[pos]!);
        pos += wide ? 2 : 1;
      }
      left -= fit;
      if (fit === 0 && left > 0) pos = segment.length; // half a character cannot happen; move on
    }
    skip(runs * 4 + extended);
    strings.push(text);
  }
  return strings;
}
