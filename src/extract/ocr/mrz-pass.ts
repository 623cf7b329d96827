import { PSM, type Worker as TesseractWorker } from 'tesseract.js';
import { findMrzs } from '../../../classifiers/detectors/mrz.ts';
import type { Pass } from './read-page.ts';

/**
 * The machine-readable zone of a passport or ID card is set in OCR-B with runs of `<` that general OCR reads as
 * `K`, `L` or `«` and miscounts. Its lines are read a second time, cropped to their box, with only the MRZ
 * alphabet allowed; the reading whose check digits hold best is kept (the detector decides, not a guess).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** An MRZ line as general OCR gives it: 25–60 capitals, digits and fillers (or their misreadings), one run of them at least. */
function looksLikeMrz(line: string): boolean {
  const s = line.replace(/\s/g, '');
  return s.length >= 25 && s.length <= 60 && /^[A-Z0-9<«‹]+$/.test(s) && /[<«‹]|KK/.test(s);
}

const score = (text: string) => Math.max(0, ...findMrzs(text, 5).map((m) => m.passed / m.total));

export async function rereadMrz(worker: TesseractWorker, page: Pass): Promise<{ text: string } | undefined> {
  const lines = page.lines.filter((l) => looksLikeMrz(l.text));
  if (lines.length === 0 || lines.length > 4) return undefined;
  const x0 = Math.min(...lines.map((l) => l.bbox.x0));
  const y0 = Math.min(...lines.map((l) => l.bbox.y0));
  const x1 = Math.max(...lines.map((l) => l.bbox.x1));
  const y1 = Math.max(...lines.map((l) => l.bbox.y1));
  const pad = Math.round((y1 - y0) / (lines.length * 2));
  const rectangle = { left: Math.max(0, x0 - pad), top: Math.max(0, y0 - pad), width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad };
  // tesseract parameters ride along with the recognize options (the typings list only tesseract.js's own).
  const options = { rectangle, rotateRadians: page.radians, tessedit_char_whitelist: ALPHABET, tessedit_pageseg_mode: PSM.SINGLE_BLOCK };
  const { data } = await worker.recognize(page.image, options as Parameters<TesseractWorker['recognize']>[1], { text: true });
  const reread = data.text.split('\n').filter((l) => l.trim()).join('\n');
  // The MRZ lines of the first reading replaced by the second, in place.
  let text = page.text;
  lines.forEach((l, i) => (text = text.replace(l.text, i === 0 ? `${reread}\n` : '')));
  return score(text) >= score(page.text) && text !== page.text ? { text } : undefined;
}
