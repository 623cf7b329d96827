/**
 * Text from the XML inside Office and OpenDocument files, in one linear pass. Elements are matched by local name
 * (without prefix), so transitional and strict OOXML — same names, other namespaces — read alike. Entities are
 * limited to XML's five and character references: a DOCTYPE's own entities are never expanded (billion laughs).
 * Tags are checked for balance, so a truncated or mangled part is reported as corrupt rather than half read.
 */
export interface XmlTextRules {
  /** Only character data inside these elements is text (OOXML `t`). Without it, all character data is. */
  textElements?: ReadonlySet<string>;
  /** Elements that end a line: paragraphs, headings, rows (a local name, or a qualified one such as `dc:date`). */
  blocks: ReadonlySet<string>;
  /** Elements that stand for a tab: tab stops. */
  tabs: ReadonlySet<string>;
  /** Table cells: a tab after each, and the paragraphs inside one stay on the row's line. */
  cells?: ReadonlySet<string>;
  /** Empty elements that stand for a line break. */
  breaks: ReadonlySet<string>;
  /** Elements whose content is never text (duplicates such as `mc:Fallback`, settings). */
  skip?: ReadonlySet<string>;
  /** Collapses runs of white space in character data, as ODF's text model prescribes. */
  collapseWhitespace?: boolean;
  /** Text for an element start that the sets cannot express, e.g. ODF `<text:s text:c="3"/>` for three spaces. */
  onStart?: (localName: string, attributes: string) => string | undefined;
}

export class XmlFormatError extends Error {}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The value of one attribute (by local name) in a start tag's attribute text. */
export function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decodeEntities(match[2] ?? match[3] ?? '') : undefined;
}

/** The end of a start tag, honouring quoted attribute values that may contain `>`. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

export function xmlToText(xml: string, rules: XmlTextRules): string {
  const out: string[] = [];
  const stack: string[] = [];
  let inText = 0;
  let skipping = 0;
  let inCell = 0;
  let i = 0;
  const keepAll = !rules.textElements;
  const emitData = (data: string) => {
    if (skipping > 0 || !(keepAll || inText > 0)) return;
    let s = decodeEntities(data);
    if (rules.collapseWhitespace) s = s.replace(/[ \t\r\n]+/g, ' ');
    out.push(s);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim()) emitData(xml.slice(i));
      break;
    }
    if (lt > i) emitData(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlFormatError('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlFormatError('unterminated CDATA section');
      if (skipping === 0 && (keepAll || inText > 0)) out.push(xml.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlFormatError('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      // A DOCTYPE, possibly with an internal subset in brackets: skipped whole, its entities unused.
      const bracket = xml.indexOf('[', lt);
      const close = xml.indexOf('>', lt);
      const end = bracket >= 0 && bracket < close ? xml.indexOf(']>', bracket) + 1 : close;
      if (end <= 0) throw new XmlFormatError('unterminated declaration');
      i = end + 1;
      continue;
    }
    const end = tagEnd(xml, lt + 1);
    if (end < 0) throw new XmlFormatError('unterminated tag');
    const body = xml.slice(lt + 1, end);
    i = end + 1;
    if (body[0] === '/') {
      const qname = body.slice(1).trim();
      const open = stack.pop();
      if (open !== qname) throw new XmlFormatError('mismatched end tag');
      const name = localName(qname);
      if (rules.skip?.has(name) && skipping > 0) {
        skipping--;
        continue;
      }
      if (skipping > 0) continue;
      if (rules.textElements?.has(name)) inText--;
      if (rules.cells?.has(name)) {
        inCell--;
        out.push('\t');
      } else if (rules.blocks.has(name) || rules.blocks.has(qname)) out.push(inCell > 0 ? ' ' : '\n');
      else if (rules.tabs.has(name)) out.push('\t');
      continue;
    }
    const selfClosing = body.endsWith('/');
    const match = /^[^\s/>]+/.exec(body);
    if (!match) throw new XmlFormatError('bad tag');
    const qname = match[0];
    const name = localName(qname);
    if (rules.skip?.has(name)) {
      if (!selfClosing) {
        stack.push(qname);
        skipping++;
      }
      continue;
    }
    if (!selfClosing) stack.push(qname);
    if (skipping > 0) continue;
    const extra = rules.onStart?.(name, body.slice(match[0].length));
    if (extra !== undefined) out.push(extra);
    if (rules.breaks.has(name)) out.push('\n');
    if (selfClosing) {
      if (rules.cells?.has(name) || rules.tabs.has(name)) out.push('\t');
      else if (rules.blocks.has(name)) out.push(inCell > 0 ? ' ' : '\n');
    } else {
      if (rules.textElements?.has(name)) inText++;
      if (rules.cells?.has(name)) inCell++;
    }
  }
  if (stack.length > 0) throw new XmlFormatError('unclosed element (truncated?)');
  return tidy(out.join(''));
}

/** Trailing blanks off every line, at most one empty line in a row. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ ]+/g, '\n')
    .replace(/ +\t/g, '\t')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
