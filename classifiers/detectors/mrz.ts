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

/** Runs of two or more `K`/`<` read as fillers. A loop, not a replace with a callback: it runs for every candidate line. */
function kfix(s: string): string {
  if (!s.includes('K')) return s; // runs of `<` alone stay as they are
  let out = '';
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j < s.length && (s[j] === 'K' || s[j] === '<')) j++;
    if (j - i >= 2) {
      out += '<'.repeat(j - i);
      i = j;
    } else out += s[i++];
  }
  return out;
}
const digits = (s: string) => s.replace(/[OQDUILZSGB]/g, (c) => DIGIT[c]!);
/** A check digit as read: a filler (or its OCR reading `K`) counts 0, a letter that looks like a digit is that digit. */
const checkChar = (c: string) => (c === '<' || c === 'K' ? '<' : DIGIT[c] ?? c);
const checkValue = (c: string) => (checkChar(c) === '<' ? 0 : Number(checkChar(c)));
const validDate = (d: string) => /^<{6}$/.test(d) || (/^\d{6}$/.test(d) && +d.slice(2, 4) <= 12 && +d.slice(4, 6) <= 31);

/** What normalize keeps of a character: 0 a space (dropped), -1 noise, else the MRZ character's code. */
function mrzCode(c: number): number {
  if (c === 32 || c === 9 || c === 13 || c === 0xa0) return 0;
  if (c === 0xab || c === 0x2039) return 60; // « ‹ → <
  if (c >= 97 && c <= 122) return c - 32;
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 60 ? c : -1;
}
const NO_LINES: readonly Line[] = [];
const NO_MRZ: readonly Mrz[] = [];
const JOINED_LINES = [{ width: 44, count: 2 }, { width: 36, count: 2 }, { width: 30, count: 3 }] as const;
/** The lengths a line's characters can have: one line, or two or three lines that lost their line breaks. */
const fitsLength = (n: number) => (n >= 26 && n <= 48) || n === 88 || n === 72 || n === 90;

function normalize(text: string, start: number, end: number): readonly Line[] {
  if (end - start < 26 || end - start > 200) return NO_LINES;
  // Counted first, built only then: most lines around an anchor are ordinary text, rejected without allocating.
  let kept = 0;
  let noise = 0;
  for (let i = start; i < end; i++) {
    const code = mrzCode(text.charCodeAt(i));
    // A quote marker (`> `), a stray mark of the scan: skipped; more than a few and it is no MRZ line.
    if (code < 0 && ++noise > 3) return NO_LINES;
    if (code > 0) kept++;
  }
  if (!fitsLength(kept)) return NO_LINES;
  const codes: number[] = [];
  const pos: number[] = [];
  for (let i = start; i < end; i++) {
    const code = mrzCode(text.charCodeAt(i));
    if (code <= 0) continue;
    codes.push(code);
    pos.push(i);
  }
  const s = String.fromCharCode(...codes);
  // Lines that lost their line break in extraction: split at the exact widths.
  for (const { width, count } of JOINED_LINES) {
    if (s.length === width * count) {
      return Array.from({ length: count }, (_, i) => ({ s: s.slice(i * width, (i + 1) * width), pos: pos.slice(i * width, (i + 1) * width) }));
    }
  }
  return [{ s, pos }];
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
  // The distinct forms in order of first appearance (as [...new Set(forms)], without the Set and the spread).
  const out = field.kind === 'alnum' ? [raw] : [k];
  const add = (form: string) => {
    if (!out.includes(form)) out.push(form);
  };
  if (field.kind === 'alnum') {
    add(k);
    add(raw.replace(/O/g, '0'));
    add(k.replace(/O/g, '0'));
  } else {
    add(raw);
    add(digits(k));
    add(digits(raw));
  }
  return out;
}

/** Writes a field's value over its characters (values keep the field's width). */
function write(fixed: string[][], f: Field, v: string): void {
  const line = fixed[f.line]!;
  for (let i = 0; i < v.length; i++) line[f.from + i] = v[i]!;
}

/** The composite check digit over the format's spans of the corrected lines, without joining them into a string. */
function compositeDigit(format: Format, fixed: string[][]): number {
  let sum = 0;
  let n = 0;
  for (const [l, a, b] of format.composite) {
    const line = fixed[l]!;
    for (let i = a; i < b && i < line.length; i++, n++) {
      const c = line[i]!.charCodeAt(0);
      const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
      sum += value * ICAO_WEIGHTS[n % 3]!;
    }
  }
  return sum % 10;
}
const ICAO_WEIGHTS = [7, 3, 1];

/** Validates fitted lines against a format; corrections per field are kept only where a check digit agrees. */
function validate(format: Format, lines: Line[]): { passed: number; optional: Mrz['optional'] } {
  const k = lines.map((l) => kfix(l.s));
  const fixed = k.map((s) => s.split(''));
  let passed = 0;
  const open: { field: Field; options: string[] }[] = [];
  for (const f of format.fields) {
    const line = lines[f.line]!.s;
    const options = candidates(f, line.slice(f.from, f.to), k[f.line]!.slice(f.from, f.to));
    if (f.check === undefined) {
      open.push({ field: f, options });
      continue;
    }
    const check = line[f.check]!;
    fixed[f.line]![f.check] = checkChar(check);
    const ok = options.find((o) => (f.kind !== 'date' || validDate(o)) && icaoCheckDigit(o) === checkValue(check));
    if (ok !== undefined) passed++;
    write(fixed, f, ok ?? options[0]!);
  }
  const [cl, cp] = format.at;
  const compositeCheck = checkValue(lines[cl]!.s[cp]!);
  // Unchecked optional fields: the first combination of readings (the first field varying slowest) that satisfies
  // the composite check digit; counted through like an odometer instead of listing every combination.
  let combos = 1;
  for (const o of open) combos *= o.options.length;
  let compositeOk = false;
  for (let c = 0; c < combos && !compositeOk; c++) {
    for (let i = open.length - 1, rest = c; i >= 0; i--) {
      const o = open[i]!;
      write(fixed, o.field, o.options[rest % o.options.length]!);
      rest = Math.floor(rest / o.options.length);
    }
    compositeOk = compositeDigit(format, fixed) === compositeCheck;
  }
  if (!compositeOk) for (const o of open) write(fixed, o.field, o.options[0]!);
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

/** Every reading of one block of lines as one format, in the order tried: the MRZ each reading gives. */
function readBlock(block: Line[], format: Format): readonly Mrz[] {
  if (block.some((l) => Math.abs(l.s.length - format.width) > 2)) return NO_MRZ;
  const head = header(block[0]!);
  if (!head) return NO_MRZ;
  const total = format.fields.filter((f) => f.check !== undefined).length + 1;
  // Only lines with check digits are refitted; a name line's length decides nothing.
  const fitted = block.map((l, n) => (format.fields.some((f) => f.line === n) ? fits(l, format.width) : [l]));
  const combos = fitted.reduce<Line[][]>((acc, opts) => acc.flatMap((c) => opts.map((o) => [...c, o])), [[]]);
  const last = block[block.length - 1]!;
  const span = { start: block[0]!.pos[0]!, end: last.pos[last.pos.length - 1]! + 1 };
  return combos.map((combo) => {
    // A name line that came out short is padded with fillers (its length decides nothing).
    const padded = combo.map((l) => (l.s.length >= format.width ? l : {
      s: l.s.padEnd(format.width, '<'),
      pos: [...l.pos, ...Array<number>(format.width - l.s.length).fill(l.pos[l.pos.length - 1]!)],
    }));
    const { passed, optional } = validate(format, padded);
    return { format: format.name, ...head, ...span, passed, total, lines: format.lines, optional };
  });
}

/**
 * The best reading of the lines: the first with the most check digits passed, or the first that passes them all.
 * A block's readings depend only on its lines, and a full block is fixed by its first line (the lines of every
 * window are the normalized lines of consecutive text lines): `blocks` keeps them per first line and format, since
 * the anchors of one MRZ's lines give overlapping windows.
 */
function tryFormats(lines: Line[], blocks: Map<Line, (readonly Mrz[] | undefined)[]>): Mrz | undefined {
  let best: Mrz | undefined;
  for (let i = 0; i < lines.length; i++) {
    for (let f = 0; f < FORMATS.length; f++) {
      const format = FORMATS[f]!;
      if (i + format.lines > lines.length) continue;
      let byFormat = blocks.get(lines[i]!);
      if (!byFormat) blocks.set(lines[i]!, (byFormat = []));
      const readings = (byFormat[f] ??= readBlock(lines.slice(i, i + format.lines), format));
      for (const mrz of readings) {
        if (best && mrz.passed <= best.passed) continue;
        best = mrz;
        if (mrz.passed === mrz.total) return best;
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

/**
 * The candidate lines around an anchor. The anchors of one MRZ stand on its two or three lines, whose windows
 * overlap: each line is normalized once per text.
 */
class CandidateLines {
  private readonly byStart = new Map<number, readonly Line[]>();
  /** tryFormats' readings per block (by first line and format), and lone's outcome per line: both pure. */
  readonly blocks = new Map<Line, (readonly Mrz[] | undefined)[]>();
  private readonly alone = new Map<Line, Mrz | undefined>();
  constructor(private readonly text: string) {}

  lone(line: Line): Mrz | undefined {
    if (this.alone.has(line)) return this.alone.get(line);
    const mrz = lone(line);
    this.alone.set(line, mrz);
    return mrz;
  }

  around(pos: number): Line[] {
    const lines: Line[] = [];
    for (const [a, b] of linesAround(this.text, pos)) {
      let normalized = this.byStart.get(a);
      if (!normalized) this.byStart.set(a, (normalized = normalize(this.text, a, b)));
      lines.push(...normalized);
    }
    return lines;
  }
}

const sameLines = (a: Line[], b: Line[]) => a.length === b.length && a.every((line, i) => line === b[i]);

/** Every MRZ in the text whose check digits fail at most `maxFailed` times (OCR damage beyond repair). */
export function findMrzs(text: string, maxFailed: number): readonly Mrz[] {
  let found: Mrz[] | undefined; // made at the first MRZ: most texts have none
  let candidates: CandidateLines | undefined; // made at the first anchor: most texts have none
  let previous: { lines: Line[]; mrz: Mrz | undefined } | undefined;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const around = (candidates ??= new CandidateLines(text));
    const lines = around.around(m.index);
    let mrz: Mrz | undefined;
    // The same candidate lines as at the previous anchor (the next line of the same MRZ): the same, pure, outcome.
    if (previous && sameLines(previous.lines, lines)) mrz = previous.mrz;
    else {
      const best = lines.length >= 2 ? tryFormats(lines, around.blocks) : undefined;
      mrz = best && best.passed >= best.total - maxFailed ? best : undefined;
      for (let i = 0; !mrz && i < lines.length; i++) mrz = around.lone(lines[i]!);
      previous = { lines, mrz };
    }
    const lineEnd = text.indexOf('\n', m.index);
    ANCHOR.lastIndex = Math.max(lineEnd < 0 ? text.length : lineEnd, mrz?.end ?? 0);
    if (mrz && !found?.some((f) => f.start === mrz.start)) (found ??= []).push(mrz);
  }
  return found ?? NO_MRZ;
}
