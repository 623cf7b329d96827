import { emptyWarning } from '../embedded.ts';
import { contentTypes, embeddedFileParts, naturalOrder, partsOfType } from '../office/package.ts';
import type { Extractor } from '../types.ts';
import { attribute, type XmlTextRules } from '../xml-text.ts';
import { openZip, type ZipArchive } from '../zip/zip-archive.ts';

/** DrawingML text: `a:t` runs in `a:p` paragraphs; table rows and cells; legacy comments keep theirs in `p:text`. */
const SLIDE_TEXT: XmlTextRules = {
  textElements: new Set(['t', 'text']),
  blocks: new Set(['p', 'tr']),
  cells: new Set(['tc']),
  tabs: new Set(),
  breaks: new Set(['br']),
  skip: new Set(['pPr', 'rPr', 'lstStyle', 'bodyPr', 'Fallback']),
};

/** The notes slide a slide links to, from the slide's relationships. */
function notesOf(zip: ZipArchive, slide: string): string | undefined {
  const folder = slide.slice(0, slide.lastIndexOf('/'));
  const rels = zip.text(`${folder}/_rels/${slide.slice(folder.length + 1)}.rels`);
  if (!rels) return undefined;
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!/\/notesSlide$/.test(attribute(tag, 'Type') ?? '')) continue;
    const target = attribute(tag, 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `${folder}/${target}`.replace(/[^/]+\/\.\.\//g, '');
  }
  return undefined;
}

/**
 * PowerPoint (.pptx, .pptm, .ppsx): each slide's text followed by its speaker notes (names and phone numbers end up
 * there), then comments and SmartArt text; pictures and embedded files as parts.
 */
export const pptxExtractor: Extractor = {
  id: 'pptx',
  kinds: ['pptx'],
  async extract(bytes, context) {
    const zip = openZip(bytes, context, { keep: true });
    const types = contentTypes(zip);
    const sections: string[] = [];
    const slides = partsOfType(zip, types, 'presentationml.slide+xml', /^ppt\/slides\/slide\d+\.xml$/i);
    for (const [i, slide] of slides.entries()) {
      const text = zip.xmlText(slide, SLIDE_TEXT) ?? '';
      const notesPart = notesOf(zip, slide);
      // A notes page repeats the slide number in a field; the rest is what the speaker wrote.
      const notes = notesPart ? (zip.xmlText(notesPart, SLIDE_TEXT) ?? '').replace(/^\d+$/gm, '').trim() : '';
      sections.push([`Dia ${i + 1}`, text, notes && `Notities:\n${notes}`].filter(Boolean).join('\n'));
    }
    const extra = [
      ...partsOfType(zip, types, 'comments+xml', /^ppt\/comments\/[^/]+\.xml$/i),
      ...partsOfType(zip, types, 'drawingml.diagramData+xml', /^ppt\/diagrams\/data\d*\.xml$/i),
    ].sort(naturalOrder);
    for (const name of extra) sections.push(zip.xmlText(name, SLIDE_TEXT) ?? '');
    const text = sections.filter(Boolean).join('\n\n');
    const parts = await embeddedFileParts(zip, context, /^ppt\/media\//i, /^ppt\/embeddings\//i);
    return { text, parts, warnings: emptyWarning(text, parts) };
  },
};
