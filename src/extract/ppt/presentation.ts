import { readRecords, type PptRecord } from './records.ts';

/**
 * The text of a legacy PowerPoint presentation, per slide in show order with its speaker notes. Slide order comes
 * from the document's SlideListWithText (one SlidePersistAtom per slide) and the persist directory, which maps a
 * slide's id to its SlideContainer; placeholder text sits in that list, free text boxes in the slide's drawing.
 * Text in neither (headers and footers, comments, slides no longer listed) is kept apart in `other`: it is in the
 * file, so it counts. Master slides and their "click to edit" prompts are left out.
 */
export interface Presentation {
  slides: { text: string; notes: string }[];
  other: string;
  /** Whether the stream holds a DocumentContainer, which every presentation has. */
  hasDocument: boolean;
  damage?: string;
}

/** One SlideListWithText: persist ids in show order, the text listed under each, and slide id → persist id. */
interface SlideList {
  order: number[];
  text: Map<number, string[]>;
  bySlideId: Map<number, number>;
}

const DOCUMENT = 0x03e8;
const DOCUMENT_ATOM = 0x03e9;
const SLIDE = 0x03ee;
const SLIDE_ATOM = 0x03ef;
const SLIDE_PERSIST = 0x03f3;
const MAIN_MASTER = 0x03f8;
const HANDOUT = 0x0fc9;
const SLIDE_LIST = 0x0ff0;
const PERSIST_DIRECTORY = 0x1772;
const TEXT_CHARS = 0x0fa0;
const TEXT_BYTES = 0x0fa8;
const CSTRING = 0x0fba;
/** Programmable tags: their CStrings are tag names ("___PPT10") and program data, not text a person wrote. */
const TAG_CONTAINERS = new Set([0x1389, 0x138a]);

/** Windows-1252's 0x80–0x9F; TextBytesAtom holds the low byte of each UTF-16 unit, which for these is cp1252. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decode(stream: Uint8Array, record: PptRecord): string {
  let text = '';
  if (record.type === TEXT_BYTES) {
    for (let p = record.dataStart; p < record.dataEnd; p++) {
      const b = stream[p]!;
      text += b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b);
    }
  } else {
    for (let p = record.dataStart; p + 1 < record.dataEnd; p += 2) text += String.fromCharCode(stream[p]! | (stream[p + 1]! << 8));
  }
  // Paragraphs end in CR, soft line breaks are VT; NULs pad some writers' strings.
  return text.replace(/[\r\v]/g, '\n').replace(/\0/g, '').trim();
}

const u32 = (stream: Uint8Array, at: number) => (stream[at]! | (stream[at + 1]! << 8) | (stream[at + 2]! << 16) | (stream[at + 3]! << 24)) >>> 0;

export function readPresentation(stream: Uint8Array, maxChars: number): Presentation {
  const { records, damage } = readRecords(stream);
  const isText = (r: PptRecord) =>
    r.type === TEXT_CHARS || r.type === TEXT_BYTES || (r.type === CSTRING && !(r.parent >= 0 && TAG_CONTAINERS.has(records[r.parent]!.type)));

  // Persist id → offset of the record, from every directory in stream order: an incremental save appends a newer one.
  const persist = new Map<number, number>();
  for (const r of records) {
    if (r.type !== PERSIST_DIRECTORY || r.parent >= 0) continue;
    for (let p = r.dataStart; p + 4 <= r.dataEnd; ) {
      const head = u32(stream, p);
      p += 4;
      const count = head >>> 20;
      for (let i = 0; i < count && p + 4 <= r.dataEnd; i++, p += 4) persist.set((head & 0xfffff) + i, u32(stream, p));
    }
  }
  const topAt = new Map<number, PptRecord>();
  for (const r of records) if (r.parent < 0) topAt.set(r.offset, r);
  const byPersist = (id: number) => topAt.get(persist.get(id) ?? -1);
  // Text records and SlideAtoms by the top-level record they sit in: one pass, not one per slide.
  const textsByTop = new Map<number, PptRecord[]>();
  const slideAtomByTop = new Map<number, PptRecord>();
  for (const r of records) {
    if (isText(r)) {
      const list = textsByTop.get(r.top);
      if (list) list.push(r);
      else textsByTop.set(r.top, [r]);
    }
    if (r.type === SLIDE_ATOM && r.dataEnd - r.dataStart >= 20 && !slideAtomByTop.has(r.top)) slideAtomByTop.set(r.top, r);
  }

  const document = records.filter((r) => r.type === DOCUMENT && r.parent < 0).pop();
  const used = new Set<PptRecord>(); // text records already placed
  const skipTop = new Set<number>(); // top-level records left out (masters)
  const docIndex = document ? records.indexOf(document) : -1;
  const docAtom = records.find((r) => r.type === DOCUMENT_ATOM && r.parent === docIndex && docIndex >= 0);
  if (docAtom && docAtom.dataEnd - docAtom.dataStart >= 32) {
    for (const at of [24, 28]) {
      const master = byPersist(u32(stream, docAtom.dataStart + at));
      if (master) skipTop.add(master.offset);
    }
  }

  // The slide lists: instance 0 slides, 2 notes (1 masters). Text after a SlidePersistAtom belongs to that slide.
  const listed = new Map<number, SlideList>();
  if (document) {
    for (const [i, r] of records.entries()) {
      if (r.type !== SLIDE_LIST || r.parent !== docIndex) continue;
      const list = listed.get(r.instance) ?? { order: [], text: new Map<number, string[]>(), bySlideId: new Map<number, number>() };
      listed.set(r.instance, list);
      let current: number | undefined;
      for (let j = i + 1; j < records.length && records[j]!.offset < r.dataEnd; j++) {
        const child = records[j]!;
        if (child.type === SLIDE_PERSIST && child.parent === i && child.dataEnd - child.dataStart >= 16) {
          current = u32(stream, child.dataStart);
          list.order.push(current);
          list.text.set(current, []);
          list.bySlideId.set(u32(stream, child.dataStart + 12), current);
        } else if (current !== undefined && isText(child) && r.instance !== 1) {
          list.text.get(current)!.push(decode(stream, child));
          used.add(child);
        }
      }
    }
  }

  let chars = 0;
  const collect = (top: PptRecord | undefined, before: string[] = []): string => {
    const parts = [...before];
    if (top) {
      skipTop.add(top.offset);
      for (const r of textsByTop.get(top.top) ?? []) {
        if (used.has(r)) continue;
        parts.push(decode(stream, r));
        used.add(r);
      }
    }
    const text = parts.filter(Boolean).join('\n');
    chars += text.length;
    return text;
  };

  const slides: Presentation['slides'] = [];
  const notesList = listed.get(2);
  // A SlideAtom names its notes by slide id (not persist id); the notes list's SlidePersistAtoms translate.
  const notesOf = (slide: PptRecord | undefined) => {
    const atom = slide && slideAtomByTop.get(slide.top);
    return atom ? notesList?.bySlideId.get(u32(stream, atom.dataStart + 16)) : undefined;
  };
  const addSlide = (slide: PptRecord | undefined, listText: string[] = []) => {
    const notesId = notesOf(slide);
    const text = collect(slide, listText);
    const notes = notesId !== undefined ? collect(byPersist(notesId), notesList?.text.get(notesId)) : '';
    slides.push({ text, notes });
  };
  const slideList = listed.get(0);
  if (slideList) for (const id of slideList.order) if (chars <= maxChars) addSlide(byPersist(id), slideList.text.get(id));
  // Without a usable list (a damaged or odd writer), every slide in the stream, in stream order.
  for (const r of records) if (r.type === SLIDE && r.parent < 0 && !skipTop.has(r.offset) && chars <= maxChars) addSlide(r);

  const other: string[] = [];
  for (const r of records) {
    if (chars > maxChars) break;
    const top = records[r.top]!;
    if (!isText(r) || used.has(r) || skipTop.has(top.offset) || top.type === MAIN_MASTER || top.type === HANDOUT) continue;
    const text = decode(stream, r);
    chars += text.length;
    if (text) other.push(text);
  }
  const result = { slides, other: other.join('\n'), hasDocument: document !== undefined };
  return damage === undefined ? result : { ...result, damage };
}
