/**
 * The pages of a multi-page TIFF, one at a time. tesseract reads only a file's first page, so a page is a copy of
 * the whole file whose header points at that page's directory, with the directory's link to the next page cut.
 * Strip offsets stay valid because nothing moves. A damaged chain ends the list where it breaks.
 */
const MAX_PAGES = 10_000;

/** The byte offsets of the page directories; empty when the bytes are no classic TIFF (BigTIFF is left as is). */
export function tiffPageOffsets(bytes: Uint8Array): number[] {
  if (bytes.length < 8) return [];
  const little = bytes[0] === 0x49;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(2, little) !== 42) return [];
  const offsets: number[] = [];
  for (let at = view.getUint32(4, little); at !== 0 && offsets.length < MAX_PAGES; ) {
    if (at + 2 > bytes.length || offsets.includes(at)) break;
    const next = at + 2 + view.getUint16(at, little) * 12;
    if (next + 4 > bytes.length) break;
    offsets.push(at);
    at = view.getUint32(next, little);
  }
  return offsets;
}

/** A single-page TIFF of the page whose directory is at `offset`. */
export function tiffPage(bytes: Uint8Array, offset: number): Uint8Array {
  const page = new Uint8Array(bytes);
  const little = page[0] === 0x49;
  const view = new DataView(page.buffer);
  view.setUint32(4, offset, little);
  view.setUint32(offset + 2 + view.getUint16(offset, little) * 12, 0, little);
  return page;
}
