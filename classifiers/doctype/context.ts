import type { DocumentTypeDecision } from './classifier.ts';
import { DOCTYPES } from './doctypes.ts';

/** What the rest of a document says about its type: an e-mail's form and its attachments' types. */
export interface TypeContext {
  /** The document is an e-mail (.eml, .msg). */
  mail?: boolean;
  /** The types its parts (attachments, archive members) were given, with their confidence. */
  partTypes?: readonly { path: string; documentType: string; confidence: number }[];
}

/**
 * The type of a document whose own text gives none (the fallback, overig): its most confident attachment's type (a
 * mail "please find attached a copy of my passport" with the copy attached is filed as kopie-legitimatie, as a DMS
 * files it), else, for an e-mail, correspondence (rules/doctypes.json mailType). A type the text itself gives stays;
 * a type from its form alone (a greeting: "Hi, attached my passport") gives way to its attachment's as the fallback does.
 */
export function typeInContext(own: DocumentTypeDecision, context: TypeContext | undefined): DocumentTypeDecision {
  if (!context || (own.documentType !== DOCTYPES.fallback && !own.byForm)) return own;
  let part: NonNullable<TypeContext['partTypes']>[number] | undefined;
  for (const candidate of context.partTypes ?? []) {
    if (candidate.documentType !== DOCTYPES.fallback && (!part || candidate.confidence > part.confidence)) part = candidate;
  }
  if (part) {
    return { documentType: part.documentType, confidence: part.confidence, reason: `its own text gives no type (${own.reason}); its part ${part.path} is a ${part.documentType}` };
  }
  if (context.mail && own.documentType === DOCTYPES.fallback) {
    return { documentType: DOCTYPES.mailType, confidence: own.confidence, reason: `an e-mail whose text gives no other type is ${DOCTYPES.mailType} (${own.reason})` };
  }
  return own;
}
