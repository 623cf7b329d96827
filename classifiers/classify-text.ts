import type { Finding, Label } from '../src/types.ts';
import type { Detector, Occurrence } from './detector.ts';
import { allDetectors } from './detectors/index.ts';
import { createDocumentTypeClassifier, trainDocumentTypeModel, type DocumentTypeClassifier } from './doctype/classifier.ts';
import { typeInContext, type TypeContext } from './doctype/context.ts';
import { documentType } from './doctype/doctypes.ts';
import type { LogisticModel } from './doctype/logistic.ts';
import { aggregate } from './findings.ts';
import { aboutTheDocumentsPerson, decideLabel } from './label.ts';
import { ScannedText } from './text/scanned-text.ts';
import { Vocabulary } from './text/vocabulary.ts';

/** What the classifier says about one text. Masked evidence only: nothing here repeats the text. */
export interface TextClassification {
  label: Label;
  labelReason: string;
  documentType: string;
  documentTypeConfidence: number;
  documentTypeReason: string;
  /** Categories that decide the label (decisive findings), most confident first. */
  categories: Finding['category'][];
  findings: Finding[];
  /** Weak evidence (e.g. a 9-digit number that passes the 11-test with no context): listed, not deciding. */
  hints: Finding[];
}

export interface TextClassifierOptions {
  detectors?: readonly Detector[];
  /** The document-type model; trained on the whole corpus in rules/corpus when absent. */
  model?: LogisticModel;
}

/** What the rest of a document tells about one of its texts (the main text of an e-mail, beside its attachments). */
export interface DocumentContext extends TypeContext {
  /**
   * The decisive findings of the document's other parts (an e-mail's attachments): evidence for the document's type
   * (a mail "here is a copy of my ID card" with the copy attached is a kopie-legitimatie).
   */
  partFindings?: readonly Finding[];
}

export type ClassifyText = (text: string, context?: DocumentContext) => TextClassification;

const NONE: readonly Occurrence[] = Object.freeze([]);

/** Builds a classifier once (vocabulary compiled, model trained); the function it returns is cheap per text. */
export function createTextClassifier(options: TextClassifierOptions = {}): ClassifyText {
  const detectors = options.detectors ?? allDetectors;
  const doctypes: DocumentTypeClassifier = createDocumentTypeClassifier(options.model ?? trainDocumentTypeModel());
  const vocabulary = new Vocabulary([...detectors.flatMap((d) => d.wordLists ?? []), ...doctypes.wordLists], { headChars: doctypes.headChars });

  // One result slot per detector, reused by every text (aggregate keeps none of them): no object per detector per text.
  const results = detectors.map((detector): { detector: Detector; occurrences: readonly Occurrence[] } => ({ detector, occurrences: NONE }));

  return function classifyText(text: string, context?: DocumentContext): TextClassification {
    const scanned = new ScannedText(text, vocabulary);
    for (const result of results) result.occurrences = result.detector.detect(scanned);
    const { findings, hints } = aggregate(results);
    for (const result of results) result.occurrences = NONE; // the slots must not keep a text's occurrences alive
    // Findings are the evidence some types need (rules/doctypes.json "requires"), the parts' findings too.
    const partFindings = context?.partFindings;
    const type = typeInContext(doctypes.classify(scanned, partFindings?.length ? [...findings, ...partFindings] : findings), context);
    const docType = documentType(type.documentType);
    // A document about one person (a CV): a special term with no name nearby is still about that person.
    const judged = docType.aboutOnePerson ? aboutTheDocumentsPerson(docType, type.confidence, findings, hints) : { findings, hints };
    const label = decideLabel(docType, type.confidence, judged.findings, judged.hints, text.length);
    return {
      label: label.label,
      labelReason: label.reason,
      documentType: type.documentType,
      documentTypeConfidence: type.confidence,
      documentTypeReason: type.reason,
      categories: judged.findings.map((f) => f.category),
      findings: judged.findings,
      hints: judged.hints,
    };
  };
}

/** Only the detector pass (for benchmarks and span evaluation): occurrences of every detector, no labelling. */
export function createDetectorPass(detectors: readonly Detector[] = allDetectors): (text: string) => number {
  const vocabulary = new Vocabulary(detectors.flatMap((d) => d.wordLists ?? []));
  return function detectAll(text: string): number {
    const scanned = new ScannedText(text, vocabulary);
    let n = 0;
    for (const d of detectors) n += d.detect(scanned).length;
    return n;
  };
}
