import { allLines, type Doc } from './doc.ts';

/** Characters outside WinAnsi become '?': the generator's texts stay within Dutch Latin-1. */
function winAnsi(s: string): string {
  return [...s].map((c) => (c.charCodeAt(0) < 256 ? c : c === '€' ? '\x80' : c === '–' ? '-' : c === '’' ? "'" : '?')).join('');
}
const literal = (s: string) => `(${winAnsi(s).replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;

function wrap(line: string, width = 90): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width) > 20 ? rest.lastIndexOf(' ', width) : width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  return [...out, rest];
}

/** A PDF with a real text layer (Helvetica, WinAnsi), as an office suite exports it; pages of 52 lines. */
export function toPdf(doc: Doc): Uint8Array {
  const lines = [doc.title, '', ...allLines(doc)].flatMap((l) => wrap(l));
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 52) pages.push(lines.slice(i, i + 52));
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const kids: string[] = [];
  pages.forEach((page, i) => {
    const pageNo = 4 + i * 2;
    const content = ['BT', '/F1 10 Tf', '13 TL', '56 790 Td', ...page.map((l, j) => `${j === 0 ? '' : 'T* '}${literal(l)} Tj`), 'ET'].join('\n');
    objects[pageNo] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`;
    objects[pageNo + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
    kids.push(`${pageNo} 0 R`);
  });
  objects[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  const info = objects.length;
  objects[info] = `<< /Title ${literal(doc.title)} /Producer (Woonstede kantoorsoftware) /CreationDate (D:20250106090000Z) >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
