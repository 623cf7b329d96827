import { decodeWindows1252 } from './windows-1252.ts';

/**
 * RTF to text in one linear pass: groups, control words, `\'hh` bytes in the document's code page, `\uN` Unicode
 * with its `\ucN` fallback characters skipped, `\binN` data skipped. Destinations that are not text (font and
 * colour tables, style sheets, document info, pictures, embedded object data, field instructions) are skipped;
 * headers, footers, footnotes and comments are text and kept — personal data hides there too.
 */

/** Destinations that never hold document text. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'shppict', 'nonshppict', 'object', 'objdata', 'objclass',
  'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl',
  'generator', 'xmlnstbl', 'mmathPr', 'fldinst', 'bkmkstart', 'bkmkend', 'filetbl', 'revtbl', 'pgdsctbl',
  'template', 'falt', 'panose', 'fname', 'atnid', 'atnauthor', 'atndate', 'atnref', 'passwordhash', 'docvar',
  'sp', 'pntext', 'pntxta', 'pntxtb', 'listtext', 'userprops', 'wgrffmtfilter', 'xmlopen', 'xmlattrname',
  'xmlattrvalue', 'protusertbl', 'defchp', 'defpap', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc', 'tc', 'tcn',
]);

/** Ignorable (`\*`) destinations that are text after all. */
const TEXT_DESTINATIONS = new Set(['fldrslt', 'shptxt', 'annotation', 'footnote', 'header', 'footer', 'ud', 'upr']);

const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', nestrow: '\n', tab: '\t', cell: '\t', nestcell: '\t',
  emdash: '\u2014', endash: '\u2013', bullet: '\u2022', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c',
  rdblquote: '\u201d', enspace: ' ', emspace: ' ', qmspace: ' ', zwj: '', zwnj: '',
};

/** Nesting beyond this is treated as one level: the text still comes out, the stack stays small. */
const MAX_DEPTH = 1000;

interface GroupState {
  skip: boolean;
  uc: number;
}

type Decode = (bytes: Uint8Array) => string;

function decoder(codepage: number): Decode {
  if (codepage === 1252 || codepage === 0) return decodeWindows1252;
  try {
    const textDecoder = new TextDecoder(codepage === 10000 ? 'macintosh' : `windows-${codepage}`);
    return (bytes) => textDecoder.decode(bytes);
  } catch {
    return decodeWindows1252; // 437, 850 and other DOS code pages: close enough for letters and digits
  }
}

export function rtfToText(input: Uint8Array): string {
  const rtf = new TextDecoder('latin1').decode(input);
  const out: string[] = [];
  let bytes: number[] = [];
  let decode = decoder(1252);
  const flush = () => {
    if (bytes.length) out.push(decode(new Uint8Array(bytes)));
    bytes = [];
  };
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, uc: 1 };
  let overflow = 0;
  let firstInGroup = false;
  let ignorable = false;
  let fallback = 0; // characters still to skip after a \uN
  const emit = (s: string) => {
    if (state.skip) return;
    flush();
    out.push(s);
  };
  const emitByte = (b: number) => {
    if (state.skip) return;
    if (fallback > 0) {
      fallback--;
      return;
    }
    bytes.push(b);
  };

  let i = 0;
  const n = rtf.length;
  while (i < n) {
    const c = rtf[i]!;
    if (c === '{') {
      if (stack.length >= MAX_DEPTH) overflow++;
      else {
        stack.push(state);
        state = { ...state };
      }
      firstInGroup = true;
      ignorable = false;
      fallback = 0;
      i++;
      continue;
    }
    if (c === '}') {
      if (overflow > 0) overflow--;
      else if (stack.length) {
        flush();
        state = stack.pop()!;
      }
      firstInGroup = false;
      fallback = 0;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      firstInGroup = false;
      if (fallback > 0) fallback--;
      else if (!state.skip) {
        const code = rtf.charCodeAt(i);
        bytes.push(code);
      }
      i++;
      continue;
    }
    // A control symbol or word.
    const next = rtf[i + 1];
    if (next === undefined) break;
    if (next === "'") {
      const hex = rtf.slice(i + 2, i + 4);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) emitByte(parseInt(hex, 16));
      i += 4;
      firstInGroup = false;
      continue;
    }
    if (next === '*') {
      ignorable = true;
      i += 2;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i += 2;
      firstInGroup = false;
      if (next === '\\' || next === '{' || next === '}') {
        if (fallback > 0) fallback--;
        else if (!state.skip) bytes.push(next.charCodeAt(0));
      } else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\r' || next === '\n') emit('\n'); // "\<newline>" is a paragraph mark
      continue;
    }
    let j = i + 1;
    while (j < n && j - i <= 32 && /[a-zA-Z]/.test(rtf[j]!)) j++;
    const word = rtf.slice(i + 1, j);
    let param: number | undefined;
    const digits = /^-?\d{1,10}/.exec(rtf.slice(j, j + 11));
    if (digits) {
      param = Number(digits[0]);
      j += digits[0].length;
    }
    if (rtf[j] === ' ') j++;
    i = j;

    if (firstInGroup) {
      firstInGroup = false;
      if (SKIP.has(word) || (ignorable && !TEXT_DESTINATIONS.has(word))) {
        flush();
        state.skip = true;
      }
      ignorable = false;
      if (state.skip) continue;
    }
    if (word === 'bin' && param !== undefined && param > 0) {
      i += param; // binary data, never text
      continue;
    }
    if (state.skip) continue;
    if (word === 'u' && param !== undefined) {
      emit(String.fromCharCode(param < 0 ? param + 65536 : param));
      fallback = state.uc;
      continue;
    }
    if (word === 'uc' && param !== undefined) {
      state.uc = Math.max(0, param);
      continue;
    }
    if (word === 'ansicpg' && param !== undefined) {
      flush();
      decode = decoder(param);
      continue;
    }
    if (word === 'mac') decode = decoder(10000);
    const symbol = SYMBOLS[word];
    if (symbol !== undefined) {
      emit(symbol);
      fallback = 0;
    }
  }
  flush();
  return out
    .join('')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
