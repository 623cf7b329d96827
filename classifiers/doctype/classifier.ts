import type { Finding } from '../../src/types.ts';
import { ListRef, type ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit, WordList } from '../text/vocabulary.ts';
import { loadCorpus, type CorpusDocument } from './corpus.ts';
import { DOCTYPES, type ManyPersons } from './doctypes.ts';
import { distinctValues, meetsRequirement } from './evidence.ts';
import type { LogisticModel } from './logistic.ts';
import { loadOrTrain } from './model-cache.ts';
import { hasTotalRow, moneyColumns, topTable } from './money-table.ts';
import { inTableRow } from './table-row.ts';
import { LogisticScorer } from './scorer.ts';
import { HEAD_CHARS, TITLE_CHARS } from './tokens.ts';

export interface DocumentTypeDecision {
  documentType: string;
  confidence: number;
  /** Why, in words: the cue words seen and what the text model thinks. */
  reason: string;
  /** The type comes from the text's form alone (a greeting or closing), not from what it is about. */
  byForm?: boolean;
}

export interface DocumentTypeClassifier {
  /** Every type's cue words (one list), compiled into the shared keyword pass. */
  readonly wordLists: readonly WordList[];
  /** The head whose words the shared keyword pass should list (Vocabulary: headChars) for the text model. */
  readonly headChars: number;
  /**
   * `findings`: the text's decisive findings, for the types that need evidence (rules/doctypes.json "requires");
   * without them (the tuner, which scores wording alone) no type is held to its evidence.
   */
  classify(text: ScannedText, findings?: readonly Finding[]): DocumentTypeDecision;
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
  /**
   * A type that wins only by its cue words (the text model prefers another) while the model gives it less than
   * this needs a cue word that stands out: in the title or at the start of a line (a heading, a field, the
   * salutation). A cue word in running prose ("... geen loonheffing.") names a topic, not the kind of document.
   */
  weakModel: number;
}

export const DEFAULT_DOCTYPE_OPTIONS: DocumentTypeOptions = { cueWeight: 0.15, titleBonus: 1, titleChars: 300, minConfidence: 0.2, weakModel: 0.3 };

/**
 * Every type's cue words in ONE word list: a text's cue hits come in one array, read once, where a list per type
 * cost a lookup per type per text (and a list to group per type that has hits). A hit's types follow from its entry.
 */
const CUE_LIST = 'doctype.cues';
const CUES = new ListRef(CUE_LIST);
/**
 * A cue written `^word` is a form word: a letter's or mail's greeting or closing ("Hi Anna,", "Groetjes,"). It says
 * the text is written to someone, not what about: a sick report or a job application by mail greets too. So it does
 * not score; it gives its type only to a text that no other type fits (as an e-mail's form does, context.ts), and only
 * at the start of a line: "hallo" or "thanks" in running text or in a chat line ("19:02 - Anna: hallo") is no greeting.
 */
const FORM = '^';
const withoutMark = (cue: string) => (cue.startsWith(FORM) ? cue.slice(1) : cue);
const CUE_WORDS = [...new Set(DOCTYPES.types.flatMap((type) => type.cues.map(withoutMark)))];

/** An entry as a hit reports it: as the Vocabulary writes a list's word (lower case, one space between words). */
const entryOf = (cue: string) => withoutMark(cue).trim().toLowerCase().replace(/\s+/g, ' ');

/** The entries of the form words. */
const FORM_ENTRIES = new Set(DOCTYPES.types.flatMap((type) => type.cues.filter((c) => c.startsWith(FORM)).map(entryOf)));

/** The types (indexes into DOCTYPES.types) whose cues hold an entry. */
const TYPES_OF_ENTRY = new Map<string, number[]>();
DOCTYPES.types.forEach((type, t) => {
  for (const cue of type.cues) {
    const entry = entryOf(cue);
    const types = TYPES_OF_ENTRY.get(entry);
    if (!types) TYPES_OF_ENTRY.set(entry, [t]);
    else if (!types.includes(t)) types.push(t);
    if (FORM_ENTRIES.has(entry) !== cue.startsWith(FORM)) {
      throw new Error(`rules/doctypes.json: cue "${entry}" is listed both with and without ${FORM}`); // a hit has one entry, so one rule
    }
  }
});

function typesOf(hit: KeywordHit): readonly number[] {
  const types = TYPES_OF_ENTRY.get(hit.entry);
  if (!types) throw new Error('a document-type cue hit names no type'); // entryOf must write entries as the Vocabulary does
  return types;
}

/**
 * The cue score of every type (indexed like DOCTYPES.types) into `scores`, and their total: each distinct cue word
 * in the head counts once for each of its types, more in the title region.
 */
function cueScores(text: ScannedText, options: DocumentTypeOptions, scores: Float64Array): number {
  scores.fill(0);
  forEachNewCue(text, false, (hit) => {
    const weight = hit.start < options.titleChars ? 1 + options.titleBonus : 1;
    const types = typesOf(hit);
    for (let k = 0; k < types.length; k++) scores[types[k]!]! += weight;
  });
  let total = 0;
  for (let t = 0; t < scores.length; t++) {
    if (!(scores[t]! > 0)) scores[t] = 0; // (a negative title bonus could make it so: such a type has no cue score)
    total += scores[t]!;
  }
  return total;
}

/** The distinct cue words of one type in the head, in order of first appearance (for the reason). */
function cueWords(text: ScannedText, t: number): string[] {
  const words: string[] = [];
  forEachNewCue(text, false, (hit) => {
    if (typesOf(hit).includes(t)) words.push(hit.entry);
  });
  return words;
}

/**
 * Whether a cue word of type t stands in the title region, starts a line (after list marks, numbers, markup) or stands
 * in a heading written in capitals ("DEFINITIEF SCHOOLADVIES VOORTGEZET ONDERWIJS" below a letterhead).
 */
function prominentCue(text: ScannedText, t: number): boolean {
  let found = false;
  forEachNewCue(text, false, (hit) => {
    if (found || !typesOf(hit).includes(t)) return;
    found = hit.start < TITLE_CHARS || atLineStart(text.text, hit.start) || inCapitalsHeading(text.text, hit.start);
  });
  return found;
}

/** Whether the line around `at` is a short heading in capitals: letters, all upper case, no sentence. */
function inCapitalsHeading(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end < 0 ? text.length : end).trim();
  return line.length <= HEADING_CHARS && /\p{Lu}{3}/u.test(line) && !/\p{Ll}/u.test(line);
}
const HEADING_CHARS = 80;

/**
 * Whether the rest of a form word's line makes it a greeting or closing: a name after it ("Thanks, Tom", "Cheers"), or
 * a short address up to a comma ("Hoi Linda,", "Hallo meneer De Vries,"). "Thanks for using TaskFlow!" is a sentence.
 */
function formLine(text: string, end: number): boolean {
  const lineEnd = text.indexOf('\n', end);
  return FORM_LINE_REST.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd));
}
const FORM_LINE_REST = /^(?:[ \t]*[,!.]?(?:[ \t]+\p{Lu}[\p{L}'.-]*){0,3}|[^\n,]{0,40},)[ \t]*\r?$/u;

/** Whether only list marks, numbers, quote marks or markup stand between the line's start and `at`. */
function atLineStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && LINE_LEAD.test(text[i]!)) i--;
  return i < 0 || text[i] === '\n';
}
const LINE_LEAD = /[ \t#*>|\-\d.()]/;

/** Up to this many hits, an entry seen before is found by a scan of the hits before it; past it (a long head), in a set. */
const FEW_HITS = 32;

/** The first form word at the start of a line in the head, if any. */
function firstFormWord(text: ScannedText): KeywordHit | undefined {
  let first: KeywordHit | undefined;
  forEachNewCue(text, true, (hit) => {
    first ??= hit;
  });
  return first;
}

/**
 * Calls `visit` for each cue hit in the head whose entry is new there and that is not part of a field name: the type
 * cues, or (`forms`) the form words that stand at a line start (the first hit of an entry decides, as for field
 * names). An entry always has the same types, so an entry new among all cue hits is new among each of its types' hits.
 */
function forEachNewCue(text: ScannedText, forms: boolean, visit: (hit: KeywordHit) => void): void {
  const counting = countingCues(text);
  for (const hit of forms ? counting.forms : counting.cues) visit(hit);
}

/**
 * The hits forEachNewCue visits, found once per text: the scores, the reason, the prominence check and the form words
 * each read them, and the table check behind them reads the hit's line and its neighbours.
 */
function countingCues(text: ScannedText): { cues: KeywordHit[]; forms: KeywordHit[] } {
  return text.memo('doctype.counting-cues', () => {
    const cues: KeywordHit[] = [];
    const forms: KeywordHit[] = [];
    const hits = text.hits(CUES);
    let seen: Set<string> | undefined;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      if (hit.start > HEAD_CHARS) break;
      let isNew: boolean;
      if (h < FEW_HITS) isNew = !seenBefore(hits, h);
      else {
        seen ??= new Set(hits.slice(0, h).map((k) => k.entry));
        isNew = !seen.has(hit.entry);
        seen.add(hit.entry);
      }
      if (!isNew || inIdentifier(text.text, hit) || inTableRow(text.text, hit.start)) continue;
      if (!FORM_ENTRIES.has(hit.entry)) cues.push(hit);
      else if (atLineStart(text.text, hit.start) && formLine(text.text, hit.end)) forms.push(hit);
    }
    return { cues, forms };
  });
}

/** Whether the text opens with a delimited table (money-table.ts topTable), found once per text. */
function opensWithTable(text: ScannedText): boolean {
  return text.memo('doctype.opens-with-table', () => topTable(text.text) !== undefined);
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

export function createDocumentTypeClassifier(
  model: LogisticModel,
  options: DocumentTypeOptions = DEFAULT_DOCTYPE_OPTIONS,
): DocumentTypeClassifier {
  const scorer = new LogisticScorer(model);
  const types = DOCTYPES.types;
  // Where each type's probability stands in the model's output (-1: the model does not know the type, it says 0).
  const modelIndex = Int32Array.from(types, (type) => model.classes.indexOf(type.id));
  const fallback = types.findIndex((type) => type.id === DOCTYPES.fallback);
  const mailIndex = types.findIndex((type) => type.id === DOCTYPES.mailType);
  /** How many distinct cue words of the mail type (correspondence) open a line: "Betreft:", "Ons kenmerk:", "Beste ...,". */
  const letterLineCount = (text: ScannedText) => {
    let n = 0;
    forEachNewCue(text, false, (hit) => {
      if (typesOf(hit).includes(mailIndex) && atLineStart(text.text, hit.start)) n++;
    });
    return n;
  };
  const wordLists = CUE_WORDS.length > 0 ? [{ id: CUE_LIST, words: CUE_WORDS }] : [];
  /** Work space, made once: a document allocates nothing until its decision. */
  const cues = new Float64Array(types.length);
  const scores = new Float64Array(types.length);
  const modelSays = (probabilities: Float64Array, t: number) => (modelIndex[t]! < 0 ? 0 : probabilities[modelIndex[t]!]!);
  /** Why type t may not be given although it scores best (undefined: it may). */
  const objection = (text: ScannedText, findings: readonly Finding[] | undefined, probabilities: Float64Array, t: number) => {
    const requires = types[t]!.requires;
    if (findings && requires && !meetsRequirement(requires, text.text, findings)) return `no ${requires.what}`;
    if (findings && types[t]!.aboutOnePerson && aboutManyPersons(text.text, findings, DOCTYPES.registerOfPersons)) {
      return 'the text holds the identifiers of many persons (a register, a payroll journal): a type about one person does not fit';
    }
    if (findings && types[t]!.aboutOnePerson && !(cues[t]! > 0) && aboutManyPersons(text.text, findings, DOCTYPES.manyPersons)) {
      return 'no cue word of its own, and the text names many persons: a type about one person does not fit';
    }
    if (!types[t]!.tables && !(cues[t]! > 0) && opensWithTable(text)) {
      return 'no cue word of its own, and the text is a table of records (an export, a register), not one such document';
    }
    const model = modelSays(probabilities, t);
    if (model >= options.weakModel || modelPrefers(probabilities, t)) return undefined;
    return prominentCue(text, t)
      ? undefined
      : `text model ${Math.round(model * 100)}% prefers another type and its cue words stand only in running text`;
  };
  /** Whether the findings hold as many persons as the rule says (rules/doctypes.json manyPersons, registerOfPersons). */
  const aboutManyPersons = (text: string, findings: readonly Finding[], many: ManyPersons | undefined) =>
    !!many && findings.some((f) => many.findings.includes(f.category) && distinctValues(f, text) >= many.distinct);
  /** Whether the text model gives type t the highest probability of all types. */
  const modelPrefers = (probabilities: Float64Array, t: number) => {
    for (let k = 0; k < types.length; k++) if (modelSays(probabilities, k) > modelSays(probabilities, t)) return false;
    return true;
  };
  /** The type whose money-table rule the text meets (a table of amounts, no register of persons unless it totals them), if any. */
  const moneyTableType = (text: string, findings: readonly Finding[]) => {
    const table = topTable(text);
    if (!table) return undefined;
    for (let t = 0; t < types.length; t++) {
      const rule = types[t]!.moneyTable;
      if (!rule) continue;
      const columns = moneyColumns(table, rule);
      const total = hasTotalRow(text, table, columns, rule.totalWords);
      if (!total && findings.some((f) => rule.unlessFindings.includes(f.category))) continue;
      if (columns.length >= (total ? 1 : rule.minColumns)) return { type: t, columns: columns.length, total };
    }
    return undefined;
  };
  return {
    wordLists,
    headChars: HEAD_CHARS,
    classify: function classifyDocumentType(text, findings) {
      const probabilities = scorer.probabilities(text.text, text.headWords());
      const cueTotal = cueScores(text, options, cues);
      for (let t = 0; t < types.length; t++) {
        const model = modelSays(probabilities, t);
        const cuesSay = cueTotal > 0 ? cues[t]! / cueTotal : 0;
        scores[t] = cueTotal > 0 ? (1 - options.cueWeight) * model + options.cueWeight * cuesSay : model;
      }
      // The best type that its evidence allows; a type without it gives way to the next (and says so in the reason).
      let best = fallback;
      let bestScore = -1;
      let passedOver = '';
      for (;;) {
        best = fallback;
        bestScore = -1;
        for (let t = 0; t < types.length; t++) {
          if (scores[t]! > bestScore) {
            best = t;
            bestScore = scores[t]!;
          }
        }
        if (bestScore < options.minConfidence || best === fallback) break;
        const why = objection(text, findings, probabilities, best);
        if (!why) break;
        passedOver += `not ${types[best]!.id}: ${why}; `;
        scores[best] = -1;
      }
      if (bestScore < options.minConfidence) best = fallback;
      let form = '';
      // Only where no type fits: overig by its own cue words (a law text, a court ruling) is a type that fits.
      const table = best === fallback && !(cues[fallback]! > 0) && findings ? moneyTableType(text.text, findings) : undefined;
      if (table) {
        best = table.type;
        bestScore = options.minConfidence; // as sure as a type can be and still be given
        const what = table.total ? `a table that totals its ${table.columns === 1 ? 'column' : `${table.columns} columns`} of amounts` : `a table with ${table.columns} columns of amounts`;
        form = `no type's words fit, but ${what} is a ${types[best]!.id}; `;
      }
      const formHit = best === fallback ? firstFormWord(text) : undefined;
      if (formHit) {
        best = typesOf(formHit)[0]!;
        bestScore = options.minConfidence; // as sure as a type can be and still be given
        form = `no type fits, but "${formHit.entry}" opens a line as a letter's or mail's greeting or closing; `;
      }
      // A text that no type fits but whose lines open as a letter's do is a letter (rules/doctypes.json letterLines).
      const letterLines = best === fallback && !(cues[fallback]! > 0) ? letterLineCount(text) : 0;
      if (letterLines >= DOCTYPES.letterLines) {
        best = mailIndex;
        bestScore = options.minConfidence; // as sure as a type can be and still be given
        form = `no type fits, but ${letterLines} of its lines open as a letter's do (a subject, a reference, a salutation, a closing); `;
      }
      const id = types[best]!.id;
      const words = cues[best]! > 0 ? cueWords(text, best) : [];
      const reason =
        passedOver +
        form +
        (words.length ? `cue words ${words.slice(0, 4).map((w) => `"${w.replace('*', '')}"`).join(', ')}; ` : 'no cue words; ') +
        `text model ${Math.round(modelSays(probabilities, best) * 100)}% for ${id}`;
      const decision: DocumentTypeDecision = { documentType: id, confidence: Math.round(Math.max(bestScore, 0) * 100) / 100, reason };
      if (formHit || letterLines >= DOCTYPES.letterLines) decision.byForm = true;
      return decision;
    },
  };
}

/** The text model for a training set (the whole corpus by default), trained once and cached. */
export function trainDocumentTypeModel(docs: readonly CorpusDocument[] = loadCorpus()): LogisticModel {
  return loadOrTrain(docs);
}
