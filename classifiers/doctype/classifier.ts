import type { ScannedText } from '../text/scanned-text.ts';
import type { WordList } from '../text/vocabulary.ts';
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

function cueScores(text: ScannedText, options: DocumentTypeOptions): Map<string, { score: number; words: string[] }> {
  const scores = new Map<string, { score: number; words: string[] }>();
  for (const [t, type] of DOCTYPES.types.entries()) {
    const hits = text.hits(CUE_LISTS[t]!);
    if (hits.length === 0) continue; // most types have no cue word in a text: no set to make
    const seen = new Set<string>();
    let score = 0;
    for (const hit of hits) {
      if (hit.start > HEAD_CHARS) break;
      if (seen.has(hit.entry)) continue;
      seen.add(hit.entry);
      score += hit.start < options.titleChars ? 1 + options.titleBonus : 1;
    }
    if (score > 0) scores.set(type.id, { score, words: [...seen] });
  }
  return scores;
}

export function createDocumentTypeClassifier(
  model: LogisticModel,
  options: DocumentTypeOptions = DEFAULT_DOCTYPE_OPTIONS,
): DocumentTypeClassifier {
  const scorer = new LogisticScorer(model);
  const classIndex = new Map(model.classes.map((c, i) => [c, i]));
  const wordLists = DOCTYPES.types.filter((t) => t.cues.length > 0).map((t) => ({ id: cueList(t.id), words: t.cues }));
  return {
    wordLists,
    classify: function classifyDocumentType(text) {
      const probabilities = scorer.probabilities(text.text);
      const fromModel = { get: (type: string) => probabilities[classIndex.get(type) ?? -1] };
      const cues = cueScores(text, options);
      const cueTotal = [...cues.values()].reduce((sum, c) => sum + c.score, 0);
      let best = DOCTYPES.fallback;
      let bestScore = -1;
      for (const type of DOCTYPES.types) {
        const modelSays = fromModel.get(type.id) ?? 0;
        const cuesSay = cueTotal > 0 ? (cues.get(type.id)?.score ?? 0) / cueTotal : 0;
        const score = cueTotal > 0 ? (1 - options.cueWeight) * modelSays + options.cueWeight * cuesSay : modelSays;
        if (score > bestScore) [best, bestScore] = [type.id, score];
      }
      if (bestScore < options.minConfidence) best = DOCTYPES.fallback;
      const words = cues.get(best)?.words ?? [];
      const reason =
        (words.length ? `cue words ${words.slice(0, 4).map((w) => `"${w.replace('*', '')}"`).join(', ')}; ` : 'no cue words; ') +
        `text model ${Math.round((fromModel.get(best) ?? 0) * 100)}% for ${best}`;
      return { documentType: best, confidence: Math.round(Math.max(bestScore, 0) * 100) / 100, reason };
    },
  };
}

/** The text model for a training set (the whole corpus by default), trained once and cached. */
export function trainDocumentTypeModel(docs: readonly CorpusDocument[] = loadCorpus()): LogisticModel {
  return loadOrTrain(docs);
}
