/**
 * Masking: evidence shows the shape of a value and its last few characters, never the value.
 * `123456782` → `******782`, `1234.56.782` → `****.**.782`, `j.jansen@firma.nl` → `j*******@f****.nl`.
 */
export function maskKeepLast(value: string, keep = 3): string {
  const ascii = maskKeepLastAscii(value, keep);
  if (ascii !== undefined) return ascii;
  let alnumSeen = 0;
  const total = value.replace(/[^\p{L}\p{N}]/gu, '').length;
  let out = '';
  for (const c of value) {
    if (/[\p{L}\p{N}]/u.test(c)) {
      alnumSeen++;
      out += alnumSeen > total - keep ? c : '*';
    } else out += c;
  }
  return out;
}

/**
 * maskKeepLast for a value of ASCII characters only (the usual case: numbers, IBANs), without a Unicode regex per
 * character; undefined when the value holds any other character. In ASCII, \p{L}\p{N} is exactly [0-9A-Za-z].
 */
function maskKeepLastAscii(value: string, keep: number): string | undefined {
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (isAsciiAlnum(c)) total++;
  }
  let alnumSeen = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isAsciiAlnum(c) && ++alnumSeen <= total - keep) out += '*';
    else out += value[i];
  }
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** Everything but separators masked: for values where even a tail identifies (passwords, MRZ lines). */
export function maskAll(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, '*');
}

/** First character of each word kept: `Jan van der Berg` → `J** v** d** B***`. */
export function maskWords(value: string): string {
  // A character loop, not a Unicode regex: names are masked for every occurrence, on the per-document hot path.
  let out = '';
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const wordChar = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0xd800 && c <= 0xdfff));
    out += wordChar && inWord ? '*' : value[i];
    inWord = wordChar;
  }
  return out;
}

export function maskEmail(address: string): string {
  const at = address.indexOf('@');
  if (at < 0) return maskWords(address);
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local[0] ?? ''}${'*'.repeat(Math.max(local.length - 1, 1))}@${host[0] ?? ''}${'*'.repeat(Math.max(host.length - 1, 1))}${tld}`;
}

/** Evidence text: an optional (non-personal) context label before the masked value. */
export function evidence(masked: string, label?: string): string {
  return label ? `${label}: ${masked}` : masked;
}
