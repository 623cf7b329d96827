import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit, WordList } from '../text/vocabulary.ts';
import { loadCorpus, type CorpusDocument } from './corpus.ts';
import { DOCTYPES } from './doctypes.ts';
import type { LogisticModel } from './logistic.ts';
import { loadOrTrain } from './model-cache.ts';
import { LogisticScorer } from './scorer.ts';
import { HEAD_CHARS } from './tokens.ts';

export interface DocumentTypeDecision {
  documentType: string;
  confidence: number;
  /** Why, in words: the cue words seen and what the text model thinks. */
  reason: string;
}

export interface DocumentTypeClassifier {
  /** Cue words per type, compiled into the shared keyword pass. */
  readonly wordLists: readonly WordList[];
  classify(text: ScannedText): DocumentTypeDecision;
}

/** How the text model and the cue words are combined; tuned by cross-validation (src/eval/tune-doctype.ts). */
export interface DocumentTypeOptions {
  /** Share of the cue words in the final score (the rest is the text model). */
  cueWeight: number;
  /** Cue words in the first characters (the title, the letterhead) count this much more. */
  titleBonus: number;
  titleChars: number;
  /** Below this score the type is `overig`. */
  minConfidence: number;
}

export const DEFAULT_DOCTYPE_OPTIONS: DocumentTypeOptions = { cueWeight: 0.15, titleBonus: 1, titleChars: 300, minConfidence: 0.2 };

const cueList = (type: string) => `doctype.${type}`;
/** The cue list id of every type, made once (a string built per document would be hashed again on every lookup). */
const CUE_LISTS = DOCTYPES.types.map((type) => cueList(type.id));

/**
 * The cue score of every type (indexed like DOCTYPES.types) into `scores`, and their total: each distinct cue word
 * in the head counts once, more in the title region. Per document this makes nothing: most types have no cue word in
 * a text, and a type's few hits are deduplicated by a scan of the hits before them.
 */
function cueScores(text: ScannedText, options: DocumentTypeOptions, scores: Float64Array): number {
  let total = 0;
  for (let t = 0; t < CUE_LISTS.length; t++) {
    const hits = text.hits(CUE_LISTS[t]!);
    let score = 0;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      if (hit.start > HEAD_CHARS) break;
      if (seenBefore(hits, h) || inIdentifier(text.text, hit)) continue;
      score += hit.start < options.titleChars ? 1 + options.titleBonus : 1;
    }
    scores[t] = score > 0 ? score : 0; // (a negative title bonus could make it so: such a type has no cue score)
    total += scores[t]!;
  }
  return total;
}

/**
 * Whether the hit is part of a field name such as `omzet_totaal` or `bedrag_excl`: a column of an export names what
 * its cells hold, not what kind of document the file is.
 */
function inIdentifier(text: string, hit: KeywordHit): boolean {
  return text.charCodeAt(hit.start - 1) === 95 || text.charCodeAt(hit.end) === 95;
}

/** Whether the entry of hits[h] occurs among the hits before it. */
function seenBefore(hits: readonly KeywordHit[], h: number): boolean {
  const entry = hits[h]!.entry;
  for (let k = 0; k < h; k++) if (hits[k]!.entry === entry) return true;
  return false;
}

/** The distinct cue words of one type in the head, in order of first appearance (for the reason). */
function cueWords(text: ScannedText, t: number): string[] {
  const words: string[] = [];
  const hits = text.hits(CUE_LISTS[t]!);
  for (let h = 0; h < hits.length; h++) {
    if (hits[h]!.start > HEAD_CHARS) break;
    if (!seenBefore(hits, h) && !inIdentifier(text.text, hits[h]!)) words.push(hits[h]!.entry);
  }
  return words;
}

export function createDocumentTypeClassifier(
  model: LogisticModel,
  options: DocumentTypeOptions = DEFAULT_DOCTYPE_OPTIONS,
): DocumentTypeClassifier {
  const scorer = new LogisticScorer(model);
  const types = DOCTYPES.types;
  // Where each type's probability stands in the model's output (-1: the model does not know the type, it says 0).
  const modelIndex = Int32Array.from(types, (type) => model.classes.indexOf(type.id));
  const fallback = types.findIndex((type) => type.id === DOCTYPES.fallback);
  const wordLists = types.filter((t) => t.cues.length > 0).map((t) => ({ id: cueList(t.id), words: t.cues }));
  /** Work space, made once: a document allocates nothing until its decision. */
  const cues = new Float64Array(types.length);
  const modelSays = (probabilities: Float64Array, t: number) => (modelIndex[t]! < 0 ? 0 : probabilities[modelIndex[t]!]!);
  return {
    wordLists,
    classify: function classifyDocumentType(text) {
      const probabilities = scorer.probabilities(text.text);
      const cueTotal = cueScores(text, options, cues);
      let best = fallback;
      let bestScore = -1;
      for (let t = 0; t < types.length; t++) {
        const model = modelSays(probabilities, t);
        const cuesSay = cueTotal > 0 ? cues[t]! / cueTotal : 0;
        const score = cueTotal > 0 ? (1 - options.cueWeight) * model + options.cueWeight * cuesSay : model;
        if (score > bestScore) {
          best = t;
          bestScore = score;
        }
      }
      if (bestScore < options.minConfidence) best = fallback;
      const id = types[best]!.id;
      const words = cues[best]! > 0 ? cueWords(text, best) : [];
      const reason =
        (words.length ? `cue words ${words.slice(0, 4).map((w) => `"${w.replace('*', '')}"`).join(', ')}; ` : 'no cue words; ') +
        `text model ${Math.round(modelSays(probabilities, best) * 100)}% for ${id}`;
      return { documentType: id, confidence: Math.round(Math.max(bestScore, 0) * 100) / 100, reason };
    },
  };
}

/** The text model for a training set (the whole corpus by default), trained once and cached. */
export function trainDocumentTypeModel(docs: readonly CorpusDocument[] = loadCorpus()): LogisticModel {
  return loadOrTrain(docs);
}
