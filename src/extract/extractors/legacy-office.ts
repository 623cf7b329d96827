import { readOle } from '../ole.ts';
import { ExtractionError, type Extractor } from '../types.ts';

/**
 * OLE files no extractor reads: password-protected OOXML (Office stores an encrypted .docx/.xlsx/.pptx as an OLE
 * file with `EncryptionInfo` and `EncryptedPackage` streams), legacy PowerPoint (no maintained npm library reads
 * it), and other compound files. Legacy Excel has its own reader (xls.ts).
 * Each gets a reason that tells the user what the file is.
 */
export const legacyOfficeExtractor: Extractor = {
  id: 'legacy-office',
  kinds: ['ole', 'ppt'],
  async extract(bytes) {
    let names: string[];
    try {
      names = readOle(bytes).rootNames;
    } catch {
      throw new ExtractionError('corrupt: unreadable compound file');
    }
    if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) throw new ExtractionError('encrypted');
    if (names.includes('PowerPoint Document')) throw new ExtractionError('unsupported format: ppt (legacy PowerPoint)');
    throw new ExtractionError('unsupported format: ole (a compound file that is not Word, Excel, PowerPoint or Outlook)');
  },
};
