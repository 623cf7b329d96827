import { ocrFailure, readImage, tiffPage, tiffPageOffsets, type OcrPage } from '../ocr/index.ts';
import { DEFAULT_MAX_OCR_PAGES, type Extractor } from '../types.ts';

/** What a reading tells a records manager: that the text came from OCR, how sure it was, and any turn. */
export function describeReading(what: string, page: OcrPage): string {
  const turn = page.rotation ? `, turned ${page.rotation}°` : '';
  return `${what} read by OCR (confidence ${page.confidence}${turn})`;
}


/**
 * Scans and photos (PNG, JPEG, TIFF with every page, BMP, WebP, GIF's first frame): their text is what OCR
 * reads in them. A photo without text gives empty text and a warning, not an error.
 */
export const imageExtractor: Extractor = {
  id: 'image',
  kinds: ['png', 'jpeg', 'tiff', 'bmp', 'webp', 'gif'],
  async extract(bytes, context) {
    const offsets = tiffPageOffsets(bytes);
    const total = Math.max(1, offsets.length);
    const limit = context.limits.maxOcrPages ?? DEFAULT_MAX_OCR_PAGES;
    const texts: string[] = [];
    const warnings: string[] = [];
    for (let i = 0; i < Math.min(total, limit); i++) {
      let page: OcrPage;
      try {
        page = await readImage(offsets.length > 1 ? tiffPage(bytes, offsets[i]!) : bytes);
      } catch (error) {
        if (total === 1) throw ocrFailure(error);
        warnings.push(`page ${i + 1}: ${ocrFailure(error).reason}`);
        continue;
      }
      texts.push(page.text.trim());
      warnings.push(describeReading(total > 1 ? `page ${i + 1}` : 'image', page));
    }
    if (total > limit) warnings.push(`OCR stopped after ${limit} of ${total} pages (limit maxOcrPages)`);
    if (!texts.some((t) => t)) warnings.push('no text found in the image');
    return { text: texts.join('\n\n'), parts: [], warnings };
  },
};
