/**
 * Builds fixtures/formats/ and fixtures/hostile/: Office, OpenDocument, RTF, archive and bad-input files for the
 * extraction tests. Run once by a developer (`npx tsx src/tools/build-format-fixtures.ts`); the outputs are
 * committed, so CI needs none of the tools used here.
 *
 * Needs Debian's LibreOffice (libreoffice-writer-nogui, -calc-nogui, -impress-nogui), `zip`, and for the
 * password-protected ODT/.doc python3-uno. The password-protected DOCX is encrypted in-process (agile-encrypt.ts),
 * the Dutch .msg written in-process (msg-writer.ts); the real Outlook .msg files come from elsewhere: see
 * fixtures/formats/msg/README.md.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { encryptOoxml } from './fixtures/agile-encrypt.ts';
import { writeMsg } from './fixtures/msg-writer.ts';
import { clientLetter, letterWithFootnote, personnelWorkbook, presentationWithNotes } from './fixtures/odf-sources.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FORMATS = join(ROOT, 'fixtures/formats');
const HOSTILE = join(ROOT, 'fixtures/hostile');
const work = mkdtempSync(join(tmpdir(), 'bewaarder-fixtures-'));
// An own LibreOffice profile: a conversion must not be handed to an office instance someone else is running.
const PROFILE = `file://${join(work, 'lo-profile')}`;

/** A small grey PNG, written by hand (no image library needed). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc0);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte per row
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function convert(target: string, sources: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=${PROFILE}`, '--headless', '--convert-to', target, '--outdir', work, ...sources], { stdio: 'ignore', timeout: 120_000 });
}

/**
 * UNO loads fail in a profile LibreOffice made moments ago (it finishes its first start later); a copy of the
 * user's own, settled profile works, so that is used when there is one.
 */
function unoProfile(): string {
  const settled = join(homedir(), '.config/libreoffice/4');
  if (!existsSync(settled)) return PROFILE;
  cpSync(settled, join(work, 'uno-profile'), { recursive: true });
  return `file://${join(work, 'uno-profile')}`;
}

function saveWithPassword(source: string, target: string, filter: string, profile: string): boolean {
  try {
    execFileSync('/usr/bin/python3', [join(ROOT, 'src/tools/fixtures/save-with-password.py'), source, target, filter, 'geheim', profile], { stdio: 'ignore', timeout: 120_000 });
    return existsSync(target);
  } catch {
    return false;
  }
}

const src = (name: string, content: string) => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

mkdirSync(FORMATS, { recursive: true });
mkdirSync(HOSTILE, { recursive: true });

const letter = src('brief-bijstand.fodt', letterWithFootnote(png(48, 48).toString('base64')));
const client = src('betalingsregeling.fodt', clientLetter());
const workbook = src('personeel.fods', personnelWorkbook());
const slides = src('presentatie.fodp', presentationWithNotes());

convert('docx:MS Word 2007 XML', [letter, client]);
convert('odt', [letter, client]);
convert('doc:MS Word 97', [client]);
convert('rtf:Rich Text Format', [client]);
convert('pdf', [client]);
convert('xlsx:Calc MS Excel 2007 XML', [workbook]);
convert('ods', [workbook]);
convert('xls:MS Excel 97', [workbook]);
convert('pptx:Impress MS PowerPoint 2007 XML', [slides]);
convert('odp', [slides]);
convert('ppt:MS PowerPoint 97', [slides]);

const out = (name: string) => join(work, name);
for (const name of ['brief-bijstand.docx', 'brief-bijstand.odt', 'betalingsregeling.odt', 'betalingsregeling.doc', 'betalingsregeling.rtf', 'personeel.xlsx', 'personeel.ods', 'personeel.xls', 'presentatie.pptx', 'presentatie.odp', 'presentatie.ppt']) {
  copyFileSync(out(name), join(FORMATS, name));
}

// Archives: a folder of documents, and that archive inside another.
const note = 'Terugbelnotitie 5 april 2024\nMevrouw Sanne Visser belde over haar uitkering. BSN: 725763863.\nTerugbellen op 06-87654321.\n';
const archive = new JSZip();
archive.file('dossier/brief-bijstand.docx', readFileSync(out('brief-bijstand.docx')));
archive.file('dossier/terugbelnotitie.txt', note);
const archiveBytes = await archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
writeFileSync(join(FORMATS, 'dossier.zip'), archiveBytes);
const nested = new JSZip();
nested.file('export/dossier.zip', archiveBytes);
nested.file('export/leesmij.txt', 'Export uit het zaaksysteem, april 2024.\n');
writeFileSync(join(FORMATS, 'export-genest.zip'), await nested.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

// A zip with one password-protected member (traditional PKWARE encryption) next to an open one.
rmSync(join(FORMATS, 'deels-versleuteld.zip'), { force: true });
writeFileSync(join(work, 'open.txt'), 'Openbare lijst van vergaderdata 2024.\n');
writeFileSync(join(work, 'geheim.txt'), note);
execFileSync('zip', ['-q', '-X', join(FORMATS, 'deels-versleuteld.zip'), 'open.txt'], { cwd: work });
execFileSync('zip', ['-q', '-X', '-P', 'geheim', join(FORMATS, 'deels-versleuteld.zip'), 'geheim.txt'], { cwd: work });

// An Outlook message with a document and a forwarded sick report attached (written per MS-OXMSG: Outlook does not
// run here), checked with Debian's msgconvert, a reader that shares no code with ours.
const msgPath = join(FORMATS, 'msg/verzuimdossier.msg');
mkdirSync(join(FORMATS, 'msg'), { recursive: true });
writeFileSync(msgPath, writeMsg({
  subject: 'Verzuimdossier S. Visser',
  body: 'Beste Pieter,\n\nHierbij de stukken voor het overleg van donderdag.\n\nGroet,\nLinda',
  from: { name: 'Linda Bakker', email: 'l.bakker@voorbeeldzorg.nl' },
  to: [{ name: 'Pieter de Jong', email: 'p.dejong@voorbeeldzorg.nl' }],
  cc: [{ name: 'Bedrijfsarts', email: 'bedrijfsarts@voorbeeldzorg.nl' }],
  sent: new Date('2024-04-08T09:30:00Z'),
  attachments: [{ name: 'brief-bijstand.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: readFileSync(out('brief-bijstand.docx')) }],
  messages: [{
    name: 'Ziekmelding',
    message: {
      subject: 'Ziekmelding',
      body: 'Hoi Linda,\n\nIk meld me vandaag ziek. Ik heb last van een hernia en de huisarts heeft rust voorgeschreven.\n\nSanne Visser',
      from: { name: 'Sanne Visser', email: 's.visser@voorbeeldzorg.nl' },
      to: [{ name: 'Linda Bakker', email: 'l.bakker@voorbeeldzorg.nl' }],
      sent: new Date('2024-04-02T07:45:00Z'),
    },
  }],
}));
try {
  const eml = execFileSync('msgconvert', ['--outfile', '-', msgPath], { encoding: 'utf8' });
  if (!eml.includes('Subject: Ziekmelding') || !eml.includes('filename=brief-bijstand.docx')) throw new Error('msgconvert misread verzuimdossier.msg');
  console.log('verzuimdossier.msg checked with msgconvert');
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  console.warn('msgconvert (libemail-outlook-message-perl, libemail-address-perl) missing: verzuimdossier.msg not cross-checked');
}

// Bad inputs: each must give one clear error, and the run goes on.
writeFileSync(join(HOSTILE, 'beveiligd.docx'), encryptOoxml(readFileSync(out('brief-bijstand.docx')), 'geheim'));
const profile = unoProfile();
if (saveWithPassword(client, join(HOSTILE, 'beveiligd.odt'), 'writer8', profile) && saveWithPassword(client, join(HOSTILE, 'beveiligd.doc'), 'MS Word 97', profile)) {
  console.log('password-protected ODT and .doc written');
} else {
  console.warn('python3-uno missing or failing: beveiligd.odt and beveiligd.doc not rebuilt');
}
const docx = readFileSync(out('brief-bijstand.docx'));
writeFileSync(join(HOSTILE, 'afgebroken.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
writeFileSync(join(HOSTILE, 'leeg.docx'), '');
copyFileSync(out('betalingsregeling.pdf'), join(HOSTILE, 'eigenlijk-pdf.docx'));
writeFileSync(join(HOSTILE, 'eigenlijk-tekst.pdf'), 'Dit is geen PDF maar een tekstbestand.\nGeachte heer De Jong, uw BSN is 123456782.\n');
writeFileSync(join(HOSTILE, 'kapot.xlsx'), Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(2000, 0x5a)]));
writeFileSync(join(HOSTILE, 'kapot.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4000, 0xff)]));
// A zip bomb: 20 MB of zeros that deflate to about 20 KB (1000×).
const bomb = new JSZip();
bomb.file('nullen.txt', Buffer.alloc(20 * 1024 * 1024));
writeFileSync(join(HOSTILE, 'zip-bomb.zip'), await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
// "Billion laughs" in a Word document: entity expansion must never happen.
const laughs = new JSZip();
const original = await JSZip.loadAsync(docx);
for (const [name, file] of Object.entries(original.files)) if (!file.dir) laughs.file(name, await file.async('nodebuffer'));
const entities = ['<!ENTITY a0 "ha">', ...Array.from({ length: 12 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
const documentXml = (await original.file('word/document.xml')!.async('string')).replace('<w:document', `<!DOCTYPE w:document [${entities}]><w:document`).replace('<w:t>', '<w:t>&a12;');
laughs.file('word/document.xml', documentXml);
writeFileSync(join(HOSTILE, 'entiteiten-bom.docx'), await laughs.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

rmSync(work, { recursive: true, force: true });
console.log(`fixtures written to ${FORMATS} and ${HOSTILE}`);
