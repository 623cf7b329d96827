import { readOle } from '../ole.ts';
import { ExtractionError, type Extractor } from '../types.ts';

/**
 * OLE files no extractor reads: password-protected OOXML (Office stores an encrypted .docx/.xlsx/.pptx as an OLE
 * file with `EncryptionInfo` and `EncryptedPackage` streams) and other compound files. Legacy Excel and
 * PowerPoint have their own readers (xls.ts, ppt.ts).
 * Each gets a reason that tells the user what the file is.
 */
export const legacyOfficeExtractor: Extractor = {
  id: 'legacy-office',
  kinds: ['ole'],
  async extract(bytes) {
    let names: string[];
    try {
      names = readOle(bytes).rootNames;
    } catch {
      throw new ExtractionError('corrupt: unreadable compound file');
    }
    if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) throw new ExtractionError('encrypted');
    throw new ExtractionError('unsupported format: ole (a compound file that is not Word, Excel, PowerPoint or Outlook)');
  },
};
