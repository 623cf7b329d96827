/**
 * A minimal reader for OLE compound files (MS-CFB: .doc, .xls, .ppt, .msg, encrypted OOXML): the directory and,
 * where needed, the first bytes of a stream. Enough to tell the formats apart by their stream names and to see
 * encryption flags — the format libraries parse the rest. Every chain walk is bounded and cycle-checked: the
 * input may be hostile.
 */

export interface OleEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  start: number;
  size: number;
  left: number;
  right: number;
  child: number;
}

export interface OleFile {
  entries: OleEntry[];
  /** Names of the streams and storages directly under the root. */
  rootNames: string[];
  /** Up to `max` bytes from the start of a stream. */
  readStream(entry: OleEntry, max: number): Uint8Array;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;

export class OleFormatError extends Error {}

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export function readOle(bytes: Uint8Array): OleFile {
  if (!isOle(bytes)) throw new OleFormatError('no compound file header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new OleFormatError('bad sector size');
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - 512) / sectorSize) + 1;
  const miniShift = view.getUint16(0x20, true);
  if (miniShift !== 6) throw new OleFormatError('bad mini sector size');
  const miniCutoff = view.getUint32(0x38, true);
  const perSector = sectorSize / 4;

  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const validSector = (n: number) => n <= MAX_REGULAR_SECTOR && sectorOffset(n) + sectorSize <= bytes.length;

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s <= MAX_REGULAR_SECTOR) fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  const seenDifat = new Set<number>();
  while (difat <= MAX_REGULAR_SECTOR && !seenDifat.has(difat) && validSector(difat)) {
    seenDifat.add(difat);
    const base = sectorOffset(difat);
    for (let i = 0; i < perSector - 1; i++) {
      const s = view.getUint32(base + i * 4, true);
      if (s <= MAX_REGULAR_SECTOR) fatSectors.push(s);
    }
    difat = view.getUint32(base + (perSector - 1) * 4, true);
  }
  const fatEntries = Math.min(fatSectors.length * perSector, sectorCount + perSector);
  const fatAt = (n: number): number => {
    if (n >= fatEntries) return END_OF_CHAIN;
    const sector = fatSectors[Math.floor(n / perSector)]!;
    if (!validSector(sector)) return END_OF_CHAIN;
    return view.getUint32(sectorOffset(sector) + (n % perSector) * 4, true);
  };
  const chain = (start: number, limit = sectorCount): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s <= MAX_REGULAR_SECTOR && out.length < limit; s = fatAt(s)) {
      if (seen.has(s) || !validSector(s)) break;
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  const entries: OleEntry[] = [];
  for (const sector of chain(view.getUint32(0x30, true))) {
    const base = sectorOffset(sector);
    for (let off = base; off < base + sectorSize; off += 128) {
      const nameBytes = Math.min(view.getUint16(off + 64, true), 64);
      let name = '';
      for (let i = 0; i < nameBytes - 2; i += 2) {
        const c = view.getUint16(off + i, true);
        if (c === 0) break;
        name += String.fromCharCode(c);
      }
      entries.push({
        name,
        type: bytes[off + 66]!,
        left: view.getUint32(off + 68, true),
        right: view.getUint32(off + 72, true),
        child: view.getUint32(off + 76, true),
        start: view.getUint32(off + 116, true),
        size: view.getUint32(off + 120, true),
      });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new OleFormatError('no root entry');

  // The root's children form a binary tree over left/right siblings.
  const rootNames: string[] = [];
  const seen = new Set<number>();
  const visit = (id: number) => {
    const stack = [id];
    while (stack.length) {
      const i = stack.pop()!;
      const e = entries[i];
      if (!e || seen.has(i)) continue;
      seen.add(i);
      if (e.type === 1 || e.type === 2) rootNames.push(e.name);
      stack.push(e.left, e.right);
    }
  };
  visit(root.child);

  const readStream = (entry: OleEntry, max: number): Uint8Array => {
    const want = Math.min(entry.size, max);
    const out = new Uint8Array(want);
    let filled = 0;
    if (entry.size >= miniCutoff) {
      for (const s of chain(entry.start, Math.ceil(want / sectorSize))) {
        const piece = bytes.subarray(sectorOffset(s), sectorOffset(s) + Math.min(sectorSize, want - filled));
        out.set(piece, filled);
        filled += piece.length;
      }
    } else {
      // Small streams live in 64-byte mini sectors inside the root's stream, indexed by the mini FAT.
      const miniFat = chain(view.getUint32(0x3c, true));
      const miniAt = (n: number): number => {
        const sector = miniFat[Math.floor(n / perSector)];
        return sector === undefined ? END_OF_CHAIN : view.getUint32(sectorOffset(sector) + (n % perSector) * 4, true);
      };
      const container = chain(root.start);
      const seenMini = new Set<number>();
      for (let m = entry.start; m <= MAX_REGULAR_SECTOR && filled < want && !seenMini.has(m); m = miniAt(m)) {
        seenMini.add(m);
        const position = m * 64;
        const sector = container[Math.floor(position / sectorSize)];
        if (sector === undefined) break;
        const start = sectorOffset(sector) + (position % sectorSize);
        const piece = bytes.subarray(start, start + Math.min(64, want - filled));
        out.set(piece, filled);
        filled += piece.length;
      }
    }
    return out.subarray(0, filled);
  };

  return { entries, rootNames, readStream };
}
