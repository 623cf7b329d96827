import type { ScannedText } from '../text/scanned-text.ts';
import type { WordList } from '../text/vocabulary.ts';
import { loadCorpus, type CorpusDocument } from './corpus.ts';
import { DOCTYPES } from './doctypes.ts';
import { NaiveBayesScorer, trainNaiveBayes, type NaiveBayesModel } from './naive-bayes.ts';
import { feature, featureTokens, forEachHeadWord, HEAD_CHARS } from './tokens.ts';

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

/** Cue words in the first characters (the title, the letterhead) count extra. */
const TITLE_CHARS = 300;
const CUE_WEIGHT = 0.45;
const MIN_CONFIDENCE = 0.25;
const cueList = (type: string) => `doctype.${type}`;

function cueScores(text: ScannedText): Map<string, { score: number; words: string[] }> {
  const scores = new Map<string, { score: number; words: string[] }>();
  for (const type of DOCTYPES.types) {
    const seen = new Set<string>();
    let score = 0;
    for (const hit of text.hits(cueList(type.id))) {
      if (hit.start > HEAD_CHARS) break;
      if (seen.has(hit.entry)) continue;
      seen.add(hit.entry);
      score += hit.start < TITLE_CHARS ? 2 : 1;
    }
    if (score > 0) scores.set(type.id, { score, words: [...seen] });
  }
  return scores;
}

/** Word → token id (-1: a stop word or a word the corpus never saw), so each word costs one lookup. */
function createWordIds(scorer: NaiveBayesScorer): (word: string) => number {
  const cache = new Map<string, number>();
  const MAX = 300_000;
  return function idOfWord(word) {
    let id = cache.get(word);
    if (id === undefined) {
      const f = feature(word);
      id = f === undefined ? -1 : scorer.id(f);
      if (cache.size < MAX) cache.set(word, id);
    }
    return id;
  };
}

export function createDocumentTypeClassifier(model: NaiveBayesModel): DocumentTypeClassifier {
  const scorer = new NaiveBayesScorer(model);
  const classIndex = new Map(scorer.classes.map((c, i) => [c, i]));
  const idOfWord = createWordIds(scorer);
  const count = (word: string) => {
    const id = idOfWord(word);
    if (id >= 0) scorer.add(id);
  };
  const wordLists = DOCTYPES.types.filter((t) => t.cues.length > 0).map((t) => ({ id: cueList(t.id), words: t.cues }));
  return {
    wordLists,
    classify: function classifyDocumentType(text) {
      forEachHeadWord(text.text, count);
      const probabilities = scorer.posteriors();
      const nb = { get: (type: string) => probabilities[classIndex.get(type) ?? -1] };
      const cues = cueScores(text);
      const cueTotal = [...cues.values()].reduce((sum, c) => sum + c.score, 0);
      let best = DOCTYPES.fallback;
      let bestScore = -1;
      for (const type of DOCTYPES.types) {
        const fromModel = nb.get(type.id) ?? 0;
        const fromCues = cueTotal > 0 ? (cues.get(type.id)?.score ?? 0) / cueTotal : 0;
        const score = cueTotal > 0 ? (1 - CUE_WEIGHT) * fromModel + CUE_WEIGHT * fromCues : fromModel;
        if (score > bestScore) [best, bestScore] = [type.id, score];
      }
      if (bestScore < MIN_CONFIDENCE) best = DOCTYPES.fallback;
      const words = cues.get(best)?.words ?? [];
      const modelSays = nb.get(best) ?? 0;
      const reason =
        (words.length ? `cue words ${words.slice(0, 4).map((w) => `"${w.replace('*', '')}"`).join(', ')}; ` : 'no cue words; ') +
        `text model ${Math.round(modelSays * 100)}% for ${best}`;
      return { documentType: best, confidence: Math.round(Math.max(bestScore, 0) * 100) / 100, reason };
    },
  };
}

/** Trains the text model on the corpus (all of it, or only the train split when evaluating). */
export function trainDocumentTypeModel(docs: readonly CorpusDocument[] = loadCorpus()): NaiveBayesModel {
  return trainNaiveBayes(docs.map((d) => ({ tokens: featureTokens(d.text), label: d.type })));
}
