import { isIPv6 } from 'node:net';
import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskAll } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { IPV6_COLON } from '../text/triggers.ts';

type Score = 'public' | 'publicWithContext' | 'private' | 'privateWithContext' | 'smallNumbers' | 'version';
const RULES = loadRule('detectors/ip-address.json', (_, f) => ({
  context: f.strings('context'),
  versionContext: f.strings('versionContext'),
  window: f.number('contextWindow', 1, 500),
  versionWindow: f.number('versionWindow', 1, 200),
  scores: f.object('scores') as Record<Score, number>,
}));

const CONTEXT = 'ip-address.context';
const VERSION = 'ip-address.version';
const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;
/** IPv6 is anchored on its colons: `::` or a colon-delimited hex group (V8 scans for the literal colon). */
const IPV6_ANCHOR = /::|:[0-9A-Fa-f]{1,4}:/g;
const MAX_IPV6 = 45;

type Range = 'public' | 'private' | 'documentation' | 'none';

/** Which kind of IPv4 address: only public addresses point at a subscriber's connection. */
function rangeV4(o: number[]): Range {
  const [a, b, c] = o as [number, number, number, number];
  if (a === 0 || a >= 224) return 'none'; // "this network", multicast, netmasks, broadcast
  if (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) {
    return 'documentation';
  }
  return 'public';
}

function rangeV6(address: string): Range {
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(lower);
  if (mapped) return rangeV4(mapped.slice(1).map(Number)); // IPv4-mapped: the IPv4 address decides
  if (lower === '::1') return 'private';
  if (/^fe[89ab]/.test(lower) || /^f[cd]/.test(lower)) return 'private'; // link-local, unique-local
  if (/^2001:0?db8:/.test(lower)) return 'documentation';
  if (/^ff/.test(lower)) return 'none'; // multicast
  return 'public';
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isHexOrColon(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

interface Candidate {
  start: number;
  end: number;
  raw: string;
  range: Range;
  smallNumbers: boolean;
}

const NO_CANDIDATES: readonly Candidate[] = [];

/** Whether `text` has at least `count` dots in [from, to) (a loop within the run: indexOf could search far past it). */
function hasDots(text: string, from: number, to: number, count: number): boolean {
  for (let i = from, n = 0; i < to; i++) if (text.charCodeAt(i) === 46 && ++n >= count) return true;
  return false;
}

function ipv4Candidates(text: ScannedText): readonly Candidate[] {
  let found: Candidate[] | undefined; // made at the first address: most texts have none
  const runs = text.digitRunPairs();
  for (let k = 0; k < runs.length; k += 2) {
    const runStart = runs[k]!;
    const runEnd = runs[k + 1]!;
    if (runEnd - runStart < 7) continue;
    // An address has three dots: a run with fewer (a date, an amount) is passed over before anything is sliced.
    if (!hasDots(text.text, runStart, runEnd, 3)) continue;
    const slice = text.text.slice(runStart, runEnd);
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(slice); m; m = IPV4.exec(slice)) {
      const parts = [m[1]!, m[2]!, m[3]!, m[4]!];
      if (parts.some((p) => (p.length > 1 && p[0] === '0') || Number(p) > 255)) continue;
      const start = runStart + m.index;
      const end = start + m[0].length;
      const before = text.text.charCodeAt(start - 1);
      // Glued to a word (`v1.2.3.4`, `build1.2.3.4`) it is a version or code, not an address.
      if (isWordChar(before) || before === 46 || isWordChar(text.text.charCodeAt(end))) continue;
      const octets = parts.map(Number);
      (found ??= []).push({ start, end, raw: m[0], range: rangeV4(octets), smallNumbers: octets.every((o) => o < 10) });
    }
  }
  return found ?? NO_CANDIDATES;
}

function ipv6Candidates(source: string): readonly Candidate[] {
  let found: Candidate[] | undefined; // made at the first address: most texts have none
  IPV6_ANCHOR.lastIndex = 0;
  for (let m = IPV6_ANCHOR.exec(source); m; m = IPV6_ANCHOR.exec(source)) {
    let start = m.index;
    while (start > 0 && m.index - start < MAX_IPV6 && isHexOrColon(source.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < source.length && end - start < MAX_IPV6 && (isHexOrColon(source.charCodeAt(end)) || source[end] === '.')) end++;
    IPV6_ANCHOR.lastIndex = end;
    while (source[end - 1] === '.' || (source[end - 1] === ':' && source[end - 2] !== ':')) end--;
    // A label glued to the address (`IPv6:2a02:…`): the address starts after the label's colon.
    if (isWordChar(source.charCodeAt(start - 1))) start = source.indexOf(':', start) + 1;
    const raw = source.slice(start, end);
    // `std::vector`, `Foo::Bar`: glued to a word; `12:30:45`, MAC addresses: not IPv6; `::` alone names no host.
    if (isWordChar(source.charCodeAt(end))) continue;
    if (!/\d/.test(raw) || !/[1-9a-f]/i.test(raw) || !isIPv6(raw)) continue;
    (found ??= []).push({ start, end, raw, range: rangeV6(raw), smallNumbers: false });
  }
  return found ?? NO_CANDIDATES;
}

function mask(raw: string): string {
  const sep = raw.includes(':') ? raw.indexOf(':') : raw.indexOf('.');
  return raw.slice(0, sep) + maskAll(raw.slice(sep));
}

export const ipAddressDetector: Detector = {
  id: 'ip-address',
  category: 'ip-address',
  wordLists: [
    { id: CONTEXT, words: RULES.context },
    { id: VERSION, words: RULES.versionContext },
  ],
  detect(text) {
    // IPV6_COLON: the shared pass saw where IPV6_ANCHOR would match (most texts: nowhere, and skip the search).
    const v6 = text.has(IPV6_COLON) ? ipv6Candidates(text.text) : NO_CANDIDATES;
    const v4Candidates = ipv4Candidates(text);
    if (v6.length === 0 && v4Candidates.length === 0) return [];
    const occurrences: Occurrence[] = [];
    // An IPv4 tail of an IPv6 address (`::ffff:82.94.12.7`) is the same address, reported once.
    const v4 = v4Candidates.filter((c) => !v6.some((s) => s.start <= c.start && c.end <= s.end));
    for (const c of [...v4, ...v6]) {
      if (c.range === 'none') continue;
      const context = text.near(CONTEXT, c, RULES.window);
      // Release notes: version numbers throughout, no word about IP addresses anywhere.
      const version = text.near(VERSION, c, RULES.versionWindow, false) ??
        (!context && text.hits(CONTEXT).length === 0 ? text.hits(VERSION)[0] : undefined);
      const kind = c.raw.includes(':') ? 'IPv6' : 'IPv4';
      let confidence: number;
      let reason: string;
      if (version && !context) {
        confidence = RULES.scores.version;
        reason = `${kind}-shaped number after "${version.entry}": a version or section number, not an address`;
      } else if (c.range !== 'public') {
        const what = c.range === 'private' ? 'private or loopback' : 'documentation-example';
        confidence = context ? RULES.scores.privateWithContext : RULES.scores.private;
        reason = `${kind} address in a ${what} range (identifies a device only inside a network)` +
          (context ? ` with context word "${context.entry}"` : '');
      } else if (context) {
        confidence = RULES.scores.publicWithContext;
        reason = `public ${kind} address with context word "${context.entry}"`;
      } else if (c.smallNumbers) {
        confidence = RULES.scores.smallNumbers;
        reason = `${kind}-shaped number of single digits without context: may be a section or version number`;
      } else {
        confidence = RULES.scores.public;
        reason = `public ${kind} address without a context word`;
      }
      occurrences.push({
        start: c.start,
        end: c.end,
        confidence,
        evidence: evidence(mask(c.raw), 'IP-adres'),
        reason,
        value: c.raw.toLowerCase(),
      });
    }
    return occurrences.sort((a, b) => a.start - b.start);
  },
};
