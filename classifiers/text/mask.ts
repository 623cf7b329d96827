/**
 * Masking: evidence shows the shape of a value and its last few characters, never the value.
 * `123456782` → `******782`, `1234.56.782` → `****.**.782`, `j.jansen@firma.nl` → `j*******@f****.nl`.
 */
export function maskKeepLast(value: string, keep = 3): string {
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

/** Everything but separators masked: for values where even a tail identifies (passwords, MRZ lines). */
export function maskAll(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, '*');
}

/** First character of each word kept: `Jan van der Berg` → `J** v** d** B***`. */
export function maskWords(value: string): string {
  return value.replace(/[\p{L}\p{N}]+/gu, (w) => w[0] + '*'.repeat(w.length - 1));
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
