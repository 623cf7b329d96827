import { icaoCheckDigit } from '../checksums.ts';

/**
 * ICAO 9303 machine-readable zones, read the way OCR delivers them: spaces inside lines, lower case,
 * `K`/`«` for the filler `<`, letters for digits (O/0, I/1, S/5, B/8…) and a filler or two too many or too few.
 * Corrections are only accepted where the check digits confirm them.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

export interface Mrz {
  format: MrzFormat;
  documentType: string;
  issuer: string;
  start: number;
  end: number;
  passed: number;
  total: number;
  /** How many of the format's lines were found (a lone line: the back of a card scanned without the rest). */
  lines: number;
  /** Optional-data fields as corrected, with offsets of each character (Dutch documents keep the BSN there). */
  optional: { text: string; pos: number[] }[];
}

/** `<<` or an OCR reading of it. `K` alone is common; KK< and KKK in a row are not. */
const ANCHOR = /[<«‹][<«‹Kk]|[Kk][<«‹]|KKK|kkk/g;
const DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', U: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

interface Field { line: number; from: number; to: number; check?: number; kind: 'alnum' | 'date' | 'optional' }
interface Format { name: MrzFormat; width: number; lines: number; fields: Field[]; composite: [number, number, number][]; at: [number, number] }
const FORMATS: Format[] = [
  { name: 'TD3', width: 44, lines: 2, at: [1, 43], composite: [[1, 0, 10], [1, 13, 20], [1, 21, 43]], fields: [
    { line: 1, from: 0, to: 9, check: 9, kind: 'alnum' }, { line: 1, from: 13, to: 19, check: 19, kind: 'date' },
    { line: 1, from: 21, to: 27, check: 27, kind: 'date' }, { line: 1, from: 28, to: 42, check: 42, kind: 'optional' }] },
  { name: 'TD2', width: 36, lines: 2, at: [1, 35], composite: [[1, 0, 10], [1, 13, 20], [1, 21, 35]], fields: [
    { line: 1, from: 0, to: 9, check: 9, kind: 'alnum' }, { line: 1, from: 13, to: 19, check: 19, kind: 'date' },
    { line: 1, from: 21, to: 27, check: 27, kind: 'date' }, { line: 1, from: 28, to: 35, kind: 'optional' }] },
  { name: 'TD1', width: 30, lines: 3, at: [1, 29], composite: [[0, 5, 30], [1, 0, 7], [1, 8, 15], [1, 18, 29]], fields: [
    { line: 0, from: 5, to: 14, check: 14, kind: 'alnum' }, { line: 0, from: 15, to: 30, kind: 'optional' },
    { line: 1, from: 0, to: 6, check: 6, kind: 'date' }, { line: 1, from: 8, to: 14, check: 14, kind: 'date' },
    { line: 1, from: 18, to: 29, kind: 'optional' }] },
];

/** A line as MRZ characters (upper case, no spaces, fillers as `<`) with each character's offset in the text. */
interface Line { s: string; pos: number[] }

const kfix = (s: string) => s.replace(/[K<]{2,}/g, (m) => '<'.repeat(m.length));
const digits = (s: string) => s.replace(/[OQDUILZSGB]/g, (c) => DIGIT[c]!);
/** A check digit as read: a filler (or its OCR reading `K`) counts 0, a letter that looks like a digit is that digit. */
const checkChar = (c: string) => (c === '<' || c === 'K' ? '<' : DIGIT[c] ?? c);
const checkValue = (c: string) => (checkChar(c) === '<' ? 0 : Number(checkChar(c)));
const validDate = (d: string) => /^<{6}$/.test(d) || (/^\d{6}$/.test(d) && +d.slice(2, 4) <= 12 && +d.slice(4, 6) <= 31);

function normalize(text: string, start: number, end: number): Line[] {
  if (end - start < 26 || end - start > 200) return [];
  let s = '';
  const pos: number[] = [];
  let noise = 0;
  for (let i = start; i < end; i++) {
    let c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\u00a0') continue;
    if (c === '«' || c === '‹') c = '<';
    else if (c >= 'a' && c <= 'z') c = c.toUpperCase();
    else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '<')) {
      // A quote marker (`> `), a stray mark of the scan: skipped; more than a few and it is no MRZ line.
      if (++noise > 3) return [];
      continue;
    }
    s += c;
    pos.push(i);
  }
  // Lines that lost their line break in extraction: split at the exact widths.
  for (const [width, count] of [[44, 2], [36, 2], [30, 3]] as const) {
    if (s.length === width * count) {
      return Array.from({ length: count }, (_, i) => ({ s: s.slice(i * width, (i + 1) * width), pos: pos.slice(i * width, (i + 1) * width) }));
    }
  }
  return s.length >= 26 && s.length <= 48 ? [{ s, pos }] : [];
}

/** The line at its nominal width: as is, or with up to two fillers added or removed in a filler run or at the end. */
function fits(line: Line, width: number): Line[] {
  const diff = line.s.length - width;
  if (diff === 0) return [line];
  if (Math.abs(diff) > 2) return [];
  const k = kfix(line.s);
  const ends = [...k.matchAll(/<+/g)].map((m) => m.index + m[0].length);
  const out: Line[] = [];
  for (const at of [...ends, line.s.length]) {
    if (diff > 0 && at !== line.s.length && k.slice(at - diff, at) !== '<'.repeat(diff)) continue;
    out.push(diff > 0
      ? { s: line.s.slice(0, at - diff) + line.s.slice(at), pos: [...line.pos.slice(0, at - diff), ...line.pos.slice(at)] }
      : {
        s: line.s.slice(0, at) + '<'.repeat(-diff) + line.s.slice(at),
        pos: [...line.pos.slice(0, at), ...Array<number>(-diff).fill(line.pos[Math.max(at - 1, 0)]!), ...line.pos.slice(at)],
      });
  }
  return out;
}

function candidates(field: Field, raw: string, k: string): string[] {
  if (field.kind === 'date') return [digits(k)];
  const forms = field.kind === 'alnum' ? [raw, k, raw.replace(/O/g, '0'), k.replace(/O/g, '0')] : [k, raw, digits(k), digits(raw)];
  return [...new Set(forms)];
}

/** Validates fitted lines against a format; corrections per field are kept only where a check digit agrees. */
function validate(format: Format, lines: Line[]): { passed: number; optional: Mrz['optional'] } {
  const fixed = lines.map((l) => kfix(l.s).split(''));
  let passed = 0;
  const open: { field: Field; options: string[] }[] = [];
  const write = (f: Field, v: string) => fixed[f.line]!.splice(f.from, v.length, ...v);
  for (const f of format.fields) {
    const line = lines[f.line]!.s;
    const options = candidates(f, line.slice(f.from, f.to), kfix(line).slice(f.from, f.to));
    if (f.check === undefined) {
      open.push({ field: f, options });
      continue;
    }
    const check = line[f.check]!;
    fixed[f.line]![f.check] = checkChar(check);
    const ok = options.find((o) => (f.kind !== 'date' || validDate(o)) && icaoCheckDigit(o) === checkValue(check));
    if (ok !== undefined) passed++;
    write(f, ok ?? options[0]!);
  }
  const [cl, cp] = format.at;
  const compositeCheck = checkValue(lines[cl]!.s[cp]!);
  const composite = () => format.composite.map(([l, a, b]) => fixed[l]!.slice(a, b).join('')).join('');
  // Unchecked optional fields: the first combination of readings that satisfies the composite check digit.
  const combos = open.reduce<string[][]>((acc, o) => acc.flatMap((c) => o.options.map((v) => [...c, v])), [[]]);
  let compositeOk = false;
  for (const combo of combos) {
    combo.forEach((v, i) => write(open[i]!.field, v));
    if ((compositeOk = icaoCheckDigit(composite()) === compositeCheck)) break;
  }
  if (!compositeOk) combos[0]!.forEach((v, i) => write(open[i]!.field, v));
  const optional = format.fields.filter((f) => f.kind === 'optional').map((f) => ({
    text: fixed[f.line]!.slice(f.from, f.to).join(''),
    pos: lines[f.line]!.pos.slice(f.from, f.to),
  }));
  return { passed: passed + (compositeOk ? 1 : 0), optional };
}

function header(line: Line): { documentType: string; issuer: string } | undefined {
  const type = line.s[0]!;
  const issuer = line.s.slice(2, 5).replace(/[0-9]/g, (c) => LETTER[c] ?? c);
  return /[PIAC]/.test(type) && /^[A-Z<]{3}$/.test(issuer) ? { documentType: type, issuer } : undefined;
}

function tryFormats(lines: Line[]): Mrz | undefined {
  let best: Mrz | undefined;
  for (let i = 0; i < lines.length; i++) {
    for (const format of FORMATS) {
      const block = lines.slice(i, i + format.lines);
      if (block.length < format.lines || block.some((l) => Math.abs(l.s.length - format.width) > 2)) continue;
      const head = header(block[0]!);
      if (!head) continue;
      const total = format.fields.filter((f) => f.check !== undefined).length + 1;
      // Only lines with check digits are refitted; a name line's length decides nothing.
      const fitted = block.map((l, n) => (format.fields.some((f) => f.line === n) ? fits(l, format.width) : [l]));
      const combos = fitted.reduce<Line[][]>((acc, opts) => acc.flatMap((c) => opts.map((o) => [...c, o])), [[]]);
      for (const combo of combos) {
        // A name line that came out short is padded with fillers (its length decides nothing).
        const padded = combo.map((l) => (l.s.length >= format.width ? l : {
          s: l.s.padEnd(format.width, '<'),
          pos: [...l.pos, ...Array<number>(format.width - l.s.length).fill(l.pos[l.pos.length - 1]!)],
        }));
        const { passed, optional } = validate(format, padded);
        if (best && passed <= best.passed) continue;
        const last = block[block.length - 1]!;
        const span = { start: block[0]!.pos[0]!, end: last.pos[last.pos.length - 1]! + 1 };
        best = { format: format.name, ...head, ...span, passed, total, lines: format.lines, optional };
        if (passed === total) return best;
      }
    }
  }
  return best;
}

/**
 * A line alone: the first line of an ID card (TD1; one check digit, over the document number) or the second line
 * of a passport or TD2 document, whose four or five check digits must then all hold.
 */
function lone(line: Line): Mrz | undefined {
  const span = { start: line.pos[0]!, end: line.pos[line.pos.length - 1]! + 1 };
  const head = line.s.length === 30 ? header(line) : undefined;
  if (head && head.documentType !== 'P') {
    const doc = candidates(FORMATS[2]!.fields[0]!, line.s.slice(5, 14), kfix(line.s).slice(5, 14));
    if (/\d/.test(line.s.slice(5, 14)) && doc.some((o) => icaoCheckDigit(o) === checkValue(line.s[14]!))) {
      const optional = [{ text: kfix(line.s).slice(15, 30), pos: line.pos.slice(15, 30) }];
      return { format: 'TD1', ...head, ...span, passed: 1, total: 1, lines: 1, optional };
    }
  }
  for (const format of FORMATS.slice(0, 2)) {
    for (const l of fits(line, format.width)) {
      const { passed, optional } = validate(format, [l, l]);
      const total = format.fields.filter((f) => f.check !== undefined).length + 1;
      const nationality = l.s.slice(10, 13).replace(/[0-9]/g, (c) => LETTER[c] ?? c);
      // Fillers alone pass every check digit (all zero): a real line has a document number and a birth date.
      if (passed === total && /^[A-Z]{3}$/.test(nationality) && /\d/.test(l.s.slice(0, 9)) && /\d{6}/.test(digits(l.s.slice(13, 19)))) {
        return { format: format.name, documentType: '?', issuer: nationality, ...span, passed, total, lines: 1, optional };
      }
    }
  }
  return undefined;
}

/** The line holding `pos` and up to two lines before and after it (an MRZ has two or three lines). */
function linesAround(text: string, pos: number): [number, number][] {
  let at = text.lastIndexOf('\n', pos - 1) + 1;
  for (let n = 0; n < 2 && at > 0; n++) at = text.lastIndexOf('\n', at - 2) + 1;
  const spans: [number, number][] = [];
  for (let n = 0; n < 5; n++) {
    const nl = text.indexOf('\n', at);
    spans.push([at, nl < 0 ? text.length : nl]);
    if (nl < 0) break;
    at = nl + 1;
  }
  return spans;
}

/** Every MRZ in the text whose check digits fail at most `maxFailed` times (OCR damage beyond repair). */
export function findMrzs(text: string, maxFailed: number): Mrz[] {
  const found: Mrz[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const lines = linesAround(text, m.index).flatMap(([a, b]) => normalize(text, a, b));
    const best = lines.length >= 2 ? tryFormats(lines) : undefined;
    let mrz = best && best.passed >= best.total - maxFailed ? best : undefined;
    for (let i = 0; !mrz && i < lines.length; i++) mrz = lone(lines[i]!);
    const lineEnd = text.indexOf('\n', m.index);
    ANCHOR.lastIndex = Math.max(lineEnd < 0 ? text.length : lineEnd, mrz?.end ?? 0);
    if (mrz && !found.some((f) => f.start === mrz.start)) found.push(mrz);
  }
  return found;
}
