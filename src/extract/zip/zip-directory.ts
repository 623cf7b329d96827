import { inflateRawSync } from 'node:zlib';

/**
 * A zip file's central directory, read without inflating anything: names, methods, flags and the sizes the archive
 * declares. Used to sniff Office/ODF containers synchronously and to refuse zip bombs before a byte is inflated.
 * jszip is not used here: it neither exposes the declared sizes nor stops inflating at them.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Traditional PKWARE or strong encryption (flag bit 0), or WinZip AES (method 99). */
  encrypted: boolean;
  directory: boolean;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(view: DataView, at: number): number {
  return Number(view.getBigUint64(at, true));
}

export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = viewOf(bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory (truncated?)');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(view, eocd - 12);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD) throw new ZipFormatError('bad zip64 directory');
    count = u64(view, at + 32);
    offset = u64(view, at + 48);
  }
  // Each central record takes at least 46 bytes: a count beyond that is a lie, not a reason to allocate.
  if (offset > bytes.length || count > (bytes.length - offset) / 46) throw new ZipFormatError('central directory out of range');

  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipFormatError('bad central directory record');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw new ZipFormatError('bad central directory record');
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: UTF-8 names; older tools wrote CP437, which for the ASCII part names that matter is the same.
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    // Zip64: the fields set to 0xFFFFFFFF are in the extra field 0x0001, in this order.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        const take = () => {
          if (q + 8 > x + 4 + size) throw new ZipFormatError('bad zip64 extra field');
          const v = u64(view, q);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      x += 4 + size;
    }
    entries.push({
      name,
      method,
      flags,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1 || method === 99,
      directory: name.endsWith('/'),
    });
    p = end;
  }
  return entries;
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the central one. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = viewOf(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`bad local header for a member`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError('member data out of range (truncated?)');
  return start;
}

/**
 * An entry's bytes, inflated at most to its declared size: a member that would grow past what the directory says
 * is refused mid-way (`maxOutputLength`), so a lying zip bomb cannot fill memory.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxSize = entry.uncompressedSize): Uint8Array {
  const start = dataStart(bytes, entry);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (raw.length > maxSize) throw new ZipFormatError('member larger than declared');
    return raw;
  }
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method}`);
  try {
    // maxOutputLength must be at least 1; an empty member inflates to nothing anyway.
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxSize) });
    if (out.length > maxSize) throw new ZipFormatError('member larger than declared');
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if (error instanceof ZipFormatError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new ZipFormatError('member larger than declared');
    }
    throw new ZipFormatError('member data does not inflate');
  }
}
