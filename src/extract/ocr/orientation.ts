import { crc32 } from 'node:zlib';

/**
 * A page on its side or upside down, turned upright without an image library: tesseract.js applies the EXIF
 * orientation it finds in an image's first 500 bytes (as phone photos carry it), turning by quarter turns with
 * the width and height swapped. (Its `rotateRadians` option turns inside the original frame and cuts the corners
 * off a page on its side.) So a PNG of the page gets an `eXIf` chunk right after its header.
 */
export const ORIENTATIONS = { 90: 6, 180: 3, 270: 8 } as const;
export type QuarterTurn = keyof typeof ORIENTATIONS;

/** `png` with an EXIF orientation that turns it clockwise by `degrees`. */
export function turnedPng(png: Uint8Array, degrees: QuarterTurn): Uint8Array {
  const IHDR_END = 33; // signature (8) + IHDR chunk (25)
  // A minimal big-endian EXIF block: one IFD entry, tag 0x0112 (Orientation), SHORT, count 1.
  const exif = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, ORIENTATIONS[degrees], 0, 0, 0, 0, 0, 0];
  const body = new Uint8Array([...'eXIf'].map((c) => c.charCodeAt(0)).concat(exif));
  const chunk = new Uint8Array(4 + body.length + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, exif.length);
  chunk.set(body, 4);
  view.setUint32(4 + body.length, crc32(body));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, IHDR_END));
  out.set(chunk, IHDR_END);
  out.set(png.subarray(IHDR_END), IHDR_END + chunk.length);
  return out;
}
