import { docExtractor } from './extractors/doc.ts';
import { docxExtractor } from './extractors/docx.ts';
import { emailExtractor } from './extractors/email.ts';
import { htmlExtractor } from './extractors/html.ts';
import { imageExtractor } from './extractors/image.ts';
import { legacyOfficeExtractor } from './extractors/legacy-office.ts';
import { msgExtractor } from './extractors/msg.ts';
import { odfExtractor } from './extractors/odf.ts';
import { pdfExtractor } from './extractors/pdf.ts';
import { plainTextExtractor } from './extractors/plain-text.ts';
import { pptExtractor } from './extractors/ppt.ts';
import { pptxExtractor } from './extractors/pptx.ts';
import { rtfExtractor } from './extractors/rtf.ts';
import { xlsExtractor } from './extractors/xls.ts';
import { xlsxExtractor } from './extractors/xlsx.ts';
import { zipExtractor } from './extractors/zip.ts';
import { sniff, type FileKind } from './sniff.ts';
import { createBudget, DEFAULT_LIMITS, ExtractionError, type Extraction, type ExtractionBudget, type ExtractionLimits, type Extractor } from './types.ts';

/** The extractors, by the kinds they read. Registering a format is one line here. */
export const extractors: readonly Extractor[] = [plainTextExtractor, htmlExtractor, emailExtractor, pdfExtractor, imageExtractor,
  docxExtractor, xlsxExtractor, xlsExtractor, pptxExtractor, pptExtractor, odfExtractor, rtfExtractor, docExtractor, msgExtractor, zipExtractor, legacyOfficeExtractor];

function extractorFor(kind: FileKind): Extractor | undefined {
  return extractors.find((e) => e.kinds.includes(kind));
}

/** Sniffs the bytes and extracts text and embedded parts; throws ExtractionError with a clear reason. */
export async function extract(
  bytes: Uint8Array,
  name: string,
  limits: ExtractionLimits = DEFAULT_LIMITS,
  depth = 0,
  budget: ExtractionBudget = createBudget(limits),
): Promise<Extraction> {
  if (bytes.length > limits.maxBytes) throw new ExtractionError(`too large: ${bytes.length} bytes (limit ${limits.maxBytes})`);
  const kind = sniff(bytes, name);
  if (kind === 'empty') throw new ExtractionError('empty: the file has no content');
  const extractor = extractorFor(kind);
  if (!extractor) throw new ExtractionError(`unsupported format: ${kind}`);
  if (depth > limits.maxDepth) throw new ExtractionError(`too deeply nested (more than ${limits.maxDepth} levels)`);
  const result = await extractor.extract(bytes, {
    name,
    depth,
    limits,
    budget,
    extractEmbedded: (inner, innerName) => extract(inner, innerName, limits, depth + 1, budget),
  });
  let text = result.text;
  const warnings = [...result.warnings];
  if (text.length > limits.maxChars) {
    text = text.slice(0, limits.maxChars);
    warnings.push(`text cut at ${limits.maxChars} characters`);
  }
  return { kind, text, parts: result.parts, warnings };
}
