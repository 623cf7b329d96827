import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { type Doc, xml, ZIP_DATE } from './doc.ts';

const FORMATS = new URL('../../../../fixtures/formats/', import.meta.url);

async function zipped(files: [string, string | Uint8Array][], first?: [string, string]): Promise<Uint8Array> {
  const zip = new JSZip();
  // ODF wants `mimetype` first and stored; the rest deflated, all with a fixed date for identical rebuilds.
  if (first) zip.file(first[0], first[1], { date: ZIP_DATE, compression: 'STORE', createFolders: false });
  for (const [name, data] of files) zip.file(name, data, { date: ZIP_DATE, createFolders: false });
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (text: string, bold = false) => `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${para(text)}</w:tc>`;

/** A Word document written as Word does: body paragraphs, a table when the document has one, core properties. */
export async function toDocx(doc: Doc, author = 'Woonstede Fictief'): Promise<Uint8Array> {
  const table = doc.table
    ? `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${[doc.table.header, ...doc.table.rows].map((r) => `<w:tr>${r.map((c) => cell(String(c))).join('')}</w:tr>`).join('')}</w:tbl>`
    : '';
  const body = `${para(doc.title, true)}${doc.lines.map((l) => para(l)).join('')}${table}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`;
  return zipped([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'],
    ['word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
    ['word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`],
    ['docProps/core.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(doc.title)}</dc:title><dc:creator>${xml(author)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-06T09:00:00Z</dcterms:created></cp:coreProperties>`],
  ]);
}

/** An OpenDocument text (ODT): the minimum LibreOffice opens — mimetype, manifest, content, meta. */
export async function toOdt(doc: Doc): Promise<Uint8Array> {
  const p = (t: string) => `<text:p>${xml(t)}</text:p>`;
  const table = doc.table
    ? `<table:table table:name="Tabel1">${[doc.table.header, ...doc.table.rows].map((r) => `<table:table-row>${r.map((c) => `<table:table-cell office:value-type="string">${p(String(c))}</table:table-cell>`).join('')}</table:table-row>`).join('')}</table:table>`
    : '';
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';
  return zipped([
    ['META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>'],
    ['content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:text><text:h text:outline-level="1">${xml(doc.title)}</text:h>${doc.lines.map(p).join('')}${table}</office:text></office:body></office:document-content>`],
    ['meta.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ns} office:version="1.3"><office:meta><dc:title>${xml(doc.title)}</dc:title><meta:creation-date>2025-01-06T09:00:00</meta:creation-date></office:meta></office:document-meta>`],
  ], ['mimetype', 'application/vnd.oasis.opendocument.text']);
}

const pptxTemplate = () => JSZip.loadAsync(readFileSync(new URL('presentatie.pptx', FORMATS)));
const pptRun = (t: string) => `<a:p><a:r><a:rPr lang="nl-NL" sz="1800"/><a:t>${xml(t)}</a:t></a:r></a:p>`;

/**
 * A PowerPoint deck on the project's two-slide LibreOffice deck (fixtures/formats/presentatie.pptx, masters and
 * layouts kept): each slide gets a title and bullets, the speaker notes are emptied.
 */
export async function toPptx(doc: Doc): Promise<Uint8Array> {
  const template = await pptxTemplate();
  const lines = doc.lines.filter((l) => l !== '');
  const half = Math.ceil(lines.length / 2);
  const slides = [[doc.title, lines.slice(0, half)], [`${doc.title} (vervolg)`, lines.slice(half)]] as const;
  const files: [string, string | Uint8Array][] = [];
  for (const [name, file] of Object.entries(template.files)) {
    if (file.dir) continue;
    let data: string | Uint8Array = await file.async('uint8array');
    const slide = /^ppt\/slides\/slide(\d)\.xml$/.exec(name);
    if (slide) {
      const [title, bullets] = slides[Number(slide[1]) - 1]!;
      let box = 0;
      data = Buffer.from(data).toString('utf8').replace(/(<p:txBody>[\s\S]*?<a:bodyPr[^>]*>(?:<a:noAutofit\/><\/a:bodyPr>|\/>))([\s\S]*?)(<\/p:txBody>)/g, (_, head: string, __: string, tail: string) => {
        box++;
        return `${head}${box === 1 ? pptRun(title) : (bullets.length ? bullets : ['']).map(pptRun).join('')}${tail}`;
      });
    } else if (/^ppt\/notesSlides\/notesSlide\d\.xml$/.test(name)) {
      data = Buffer.from(data).toString('utf8').replace(/<a:t>[^<]*<\/a:t>/g, '<a:t></a:t>');
    }
    files.push([name, data]);
  }
  return zipped(files);
}
