import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCorpus } from '../../classifiers/doctype/corpus.ts';
import { random } from './corpus.ts';

/**
 * A folder of generated documents for scan tests and the scan benchmark: corpus texts (rules/corpus) as plain
 * text, e-mail (some with an attachment), HTML and CSV, in nested folders, half of them with planted identifiers
 * (a valid BSN and IBAN, an e-mail address, a name) that are returned so a test can look for them where they
 * must not be. Deterministic for a seed. File and folder names hold no personal data.
 */
export interface GeneratedFolder {
  /** Paths below the root, `/`-separated. */
  files: string[];
  bytes: number;
  planted: { bsn: string[]; iban: string[]; email: string[]; name: string[] };
}

export interface FolderOptions {
  count: number;
  seed?: number;
  /** Modification time of every file (default: an hour ago, like files that are not being written right now). */
  mtime?: Date;
}

const FIRST = ['Annelies', 'Bastiaan', 'Charlotte', 'Dirk', 'Evelien', 'Floris', 'Geertje', 'Hendrik', 'Ingrid', 'Joost', 'Karin', 'Maarten'];
const LAST = ['Vermeulen', 'Hoekstra', 'Kuipers', 'Dijkstra', 'Brouwer', 'Schouten', 'Verhoeven', 'Bosman', 'Postma', 'Timmermans'];
const BANKS = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO'];
const FORMATS = ['txt', 'eml', 'html', 'csv'] as const;

/** A 9-digit number passing the 11-test (DOMAIN.md). */
function bsn(next: () => number): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => Math.floor(next() * 10));
    const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const last = sum % 11;
    if (last < 10 && d[0] !== 0) return [...d, last].join('');
  }
}

/** A Dutch IBAN with valid mod-97 check digits. */
function iban(next: () => number): string {
  const bank = BANKS[Math.floor(next() * BANKS.length)]!;
  const account = Array.from({ length: 10 }, () => Math.floor(next() * 10)).join('');
  const numeric = `${bank}${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `NL${String(check).padStart(2, '0')}${bank}${account}`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function generateFolder(root: string, options: FolderOptions): GeneratedFolder {
  const next = random(options.seed ?? 7);
  const corpus = loadCorpus().map((d) => d.text);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const mtime = options.mtime ?? new Date(Date.now() - 3600_000);
  const planted: GeneratedFolder['planted'] = { bsn: [], iban: [], email: [], name: [] };
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < options.count; i++) {
    const format = FORMATS[i % FORMATS.length]!;
    const text = pick(corpus);
    let person: { name: string; email: string; bsn: string; iban: string } | undefined;
    if (next() < 0.5) {
      const first = pick(FIRST);
      const last = pick(LAST);
      person = { name: `${first} ${last}`, email: `${first}.${last}${i}@voorbeeldmail.nl`.toLowerCase(), bsn: bsn(next), iban: iban(next) };
      planted.name.push(person.name);
      planted.email.push(person.email);
      planted.bsn.push(person.bsn);
      planted.iban.push(person.iban);
    }
    const card = person
      ? `Gegevens van de medewerker: ${person.name}, e-mail ${person.email}, BSN ${person.bsn}, rekeningnummer ${person.iban}.`
      : '';
    let content: string;
    if (format === 'txt') content = card ? `${text}\n\n${card}\n` : text;
    else if (format === 'html') {
      const paragraphs = [...text.split(/\n\s*\n/), ...(card ? [card] : [])].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
      content = `<!doctype html>\n<html><head><meta charset="utf-8"><title>Document ${i}</title></head><body>\n${paragraphs}\n</body></html>\n`;
    } else if (format === 'csv') {
      const rows = Array.from({ length: 3 + (i % 5) }, (_, r) => `${10000 + r};afdeling ${r % 4};${r % 2 ? 'parttime' : 'fulltime'}`);
      if (person) rows.push(`${20000 + i};${person.name};${person.email};${person.iban}`);
      content = `nummer;naam of afdeling;omschrijving;rekening\n${rows.join('\n')}\n`;
    } else {
      const from = person ? `${person.name} <${person.email}>` : 'Secretariaat <secretariaat@voorbeeldbedrijf.nl>';
      const head = `From: ${from}\nTo: Afdeling <afdeling@voorbeeldbedrijf.nl>\nSubject: Document ${i}\nDate: Mon, 2 Nov 2026 09:14:00 +0100\nMIME-Version: 1.0\n`;
      if (person && i % 3 === 0) {
        const attachment = Buffer.from(`${card}\n`).toString('base64').replace(/.{76}/g, '$&\n');
        content = `${head}Content-Type: multipart/mixed; boundary="grens"\n\n--grens\nContent-Type: text/plain; charset=utf-8\n\n${text}\n\n` +
          `--grens\nContent-Type: text/plain; charset=utf-8; name="bijlage.txt"\nContent-Disposition: attachment; filename="bijlage.txt"\n` +
          `Content-Transfer-Encoding: base64\n\n${attachment}\n--grens--\n`;
      } else content = `${head}Content-Type: text/plain; charset=utf-8\n\n${text}\n\n${card}\n`;
    }
    const location = `map-${i % 7}/sub-${Math.floor(i / 7) % 3}/document-${String(i).padStart(5, '0')}.${format}`;
    const path = join(root, ...location.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    utimesSync(path, mtime, mtime);
    files.push(location);
    bytes += Buffer.byteLength(content);
  }
  return { files, bytes, planted };
}
