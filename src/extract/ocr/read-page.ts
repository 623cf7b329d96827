import type { Worker as TesseractWorker } from 'tesseract.js';
import { rereadMrz } from './mrz-pass.ts';
import { turnedPng, type QuarterTurn } from './orientation.ts';

/** What OCR made of one image. */
export interface OcrPage {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** Clockwise quarter turn (degrees) that read best; 0 for an upright page. */
  rotation: number;
  /** The machine-readable zone was read a second time, with the MRZ alphabet only. */
  mrzReread: boolean;
}

export interface Pass {
  /** The image as read (a turned page: the turned copy), for a re-read of a region. */
  image: Uint8Array;
  text: string;
  confidence: number;
  rotation: number;
  /** The skew tesseract measured and undid; a re-read of a region needs the same. */
  radians: number;
  lines: { text: string; bbox: { x0: number; y0: number; x1: number; y1: number } }[];
}

/**
 * Below this mean confidence a first reading may be a page on its side or upside down. tesseract's own
 * orientation detection (OSD) needs the legacy engine's data, which the LSTM models lack, so the three other
 * quarter turns are tried and the most confident reading kept. Upright pages (clean text reads above 80) pay nothing.
 */
const LOW_CONFIDENCE = 60;
/** A turn that reads this well is taken at once; the remaining turns are not tried. */
const GOOD_CONFIDENCE = 75;
const TURNS: QuarterTurn[] = [90, 270, 180];

async function pass(worker: TesseractWorker, image: Uint8Array, rotation: number): Promise<Pass> {
  // rotateAuto: tesseract measures moderate skew (a few degrees) and reads the page straightened.
  const { data } = await worker.recognize(image, { rotateAuto: true }, { text: true, blocks: true });
  const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => ({ text: l.text, bbox: l.bbox }))));
  return { image, text: data.text, confidence: data.confidence, rotation, radians: data.rotateRadians ?? 0, lines };
}

/** The image as a grey PNG, decoded by tesseract itself (so TIFF, BMP, GIF, WebP… all work), no recognition. */
async function greyPng(worker: TesseractWorker, image: Uint8Array): Promise<Uint8Array> {
  const { data } = await worker.recognize(image, {}, { imageGrey: true, text: false, blocks: false });
  return Buffer.from((data.imageGrey ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
}

const hasWords = (text: string) => /\p{L}{2}/u.test(text);

/** One image read the best way found: upright (with skew undone), else the most confident quarter turn. */
export async function readPage(worker: TesseractWorker, image: Uint8Array): Promise<OcrPage> {
  let best = await pass(worker, image, 0);
  if (best.confidence < LOW_CONFIDENCE && hasWords(best.text)) {
    const png = await greyPng(worker, image);
    for (const rotation of TURNS) {
      const turned = await pass(worker, turnedPng(png, rotation), rotation);
      if (turned.confidence > best.confidence) best = turned;
      if (best.confidence >= GOOD_CONFIDENCE) break;
    }
  }
  const mrz = await rereadMrz(worker, best);
  return {
    text: mrz?.text ?? best.text,
    confidence: Math.round(best.confidence),
    rotation: best.rotation,
    mrzReread: mrz !== undefined,
  };
}
