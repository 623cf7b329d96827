/**
 * QuickXorHash, the only content hash OneDrive for Business and SharePoint report (GRAPH.md §1). Each byte at
 * stream position n is XORed into a 160-bit ring at bit offset (11·n) mod 160; the stream length (64-bit little
 * endian) is XORed into the last 8 bytes. Same algorithm as Microsoft's C# reference and rclone's Go port.
 */
const WIDTH_BITS = 160;
const SHIFT = 11;
/** 11 and 160 are coprime: after 160 bytes the offsets repeat, so bytes can be folded per position first. */
const PERIOD = WIDTH_BITS;

export function quickXorHash(data: Uint8Array): string {
  const folded = new Uint8Array(PERIOD);
  for (let i = 0; i < data.length; i += PERIOD) {
    const end = Math.min(PERIOD, data.length - i);
    for (let j = 0; j < end; j++) folded[j]! ^= data[i + j]!;
  }
  const ring = new Uint8Array(WIDTH_BITS / 8 + 1);
  for (let i = 0; i < PERIOD; i++) {
    const bit = (i * SHIFT) % WIDTH_BITS;
    const shifted = folded[i]! << (bit % 8);
    const at = bit >> 3;
    ring[at]! ^= shifted & 0xff;
    ring[at + 1]! ^= shifted >> 8;
  }
  ring[0]! ^= ring[WIDTH_BITS / 8]!;
  const hash = ring.subarray(0, WIDTH_BITS / 8);
  let length = BigInt(data.length);
  for (let i = 0; i < 8; i++) {
    hash[WIDTH_BITS / 8 - 8 + i]! ^= Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(hash).toString('base64');
}
