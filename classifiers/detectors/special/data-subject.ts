import type { Span } from '../../../src/types.ts';
import { WEAK } from '../../detector.ts';
import { NAMED_ELSEWHERE } from '../../label.ts';
import type { SubjectCue } from './document-subject.ts';
import { columnGapEnd, firstFrom } from './sentence-span.ts';
import { maskWords } from '../../text/mask.ts';
import {
  answerAfter, chatSender, negatedBefore, negationPattern, onFormLine, onTransactionLine, unanswered,
} from './subject-cues.ts';
import { capitalisedMidSentence, SUBJECT_RULES as R, type LocalCue } from './subject-rules.ts';
import type { TextFacts } from './text-facts.ts';

/**
 * Is a special-category term said ABOUT A PERSON? A small, explainable scorer:
 *   confidence = base × subject factor − generic wording
 * The subject factor comes from the best cue: a named person or a filled-in name field in the same sentence
 * (1.0) or within the window (× nearby); "ik"/"mijn", a role ("de patiënt", "zij") or "u" in a letter to one
 * person in the same sentence; a "Label: value" line (or an answered questionnaire row) in a document about a named
 * person; the sender of the chat message that holds the term; the account holder on a bank statement's transaction
 * line. Without a cue the factor is low, lower still when the document has no data subject at all — then nothing is
 * strong.
 * Generic wording in the sentence ("verwerken", "persoonsgegevens", "mensen met", "kunnen"), a question or a
 * negation ("geen strafblad") subtracts, as does a bracketed list of examples ("(fiets, vakbondscontributie, opleiding)").
 * A term that is the condition of a clause ("bij ziekte meldt de werknemer zich", "Indien hij door ziekte … niet in
 * staat is, …") or stands in a form's consent sentence ("ik geef toestemming dat … bij hoofdpijn") is never decisive.
 * Data in rules/special/data-subject.json.
 */
export { SUBJECT_WORDS } from './subject-rules.ts';
export type { SubjectCue } from './document-subject.ts';
export const SUBJECT_WINDOW = R.window;

const S = R.scores;
const EMPTY = new Set(R.emptyValues);
const NEGATION = negationPattern(R.negation);
const NOT_ANSWERED = { phrases: R.notAnswered, emptyValues: EMPTY };
const SECOND_PERSON_NEARBY = S.secondPerson * S.nearby;
const round = (x: number) => Math.round(x * 100) / 100;
/**
 * A rounded score as text: String(x), remembered per value. The scores of a reason come from a few dozen values, and
 * turning a fraction into its shortest decimal text costs more than a lookup; bounded for safety.
 */
const SHOWN = new Map<number, string>();
function shown(x: number): string {
  let s = SHOWN.get(x);
  if (s === undefined) {
    s = String(x);
    if (SHOWN.size < 4096) SHOWN.set(x, s);
  }
  return s;
}
/** The local cues of the candidate being judged: one list, overwritten per call (judge does not nest). */
const LOCAL: LocalCue[] = [];

export interface Judgement {
  confidence: number;
  cue?: SubjectCue;
  /** Why, after the term: `in the same sentence as the named person "mevrouw J******"; no generic wording (…)`. */
  reason: string;
}

const sameSentence = (cue: Span, sentence: Span) => cue.start >= sentence.start && cue.end <= sentence.end;

function describe(cue: SubjectCue): string {
  switch (cue.kind) {
    case 'named': return `the named person "${cue.shown}"`;
    case 'field': return `the filled-in field "${cue.shown}"`;
    case 'firstPerson': return `the first person "${cue.shown}"`;
    case 'role': return `"${cue.shown}" in a document about a named person`;
    case 'secondPerson': return `"${cue.shown}" in a letter addressed to one person`;
    case 'formLine': return 'a "Label: value" line in a document about a named person';
    case 'sender': return `the sender "${cue.shown}"`;
    case 'accountHolder': return `the account holder "${cue.shown}"`;
    case 'formSubject': return `its subject "${cue.shown}"`;
  }
}

const distanceTo = (term: Span, s: Span) => (s.end <= term.start ? term.start - s.end : s.start - term.end);

/**
 * The best cue so far: a higher factor wins, or the same factor nearer the term (the first of equals stays). One
 * instance, reset per judged term (judge does not nest).
 */
class Best {
  cue: SubjectCue | undefined = undefined;
  factor = 0;
  private term: Span = { start: 0, end: 0 };

  reset(term: Span): this {
    this.term = term;
    this.cue = undefined;
    this.factor = 0;
    return this;
  }

  /** Whether a cue at `span` with `factor` would beat the best so far; asked before a cue object is made. */
  beats(span: Span, factor: number): boolean {
    const cue = this.cue;
    return !cue || factor > this.factor || (factor === this.factor && distanceTo(this.term, span) < distanceTo(this.term, cue));
  }

  offer(cue: SubjectCue, factor: number): void {
    if (this.beats(cue, factor)) {
      this.cue = cue;
      this.factor = factor;
    }
  }
}

/**
 * "ik"/"mijn" a sentence or two away counts only where someone is named (an e-mail, a letter), not in a template:
 * undefined there.
 */
function firstPersonFactor(cue: Span, sentence: Span, named: boolean): number | undefined {
  if (sameSentence(cue, sentence)) return S.firstPerson;
  return named ? S.firstPerson * S.nearby : undefined;
}

const BEST = new Best();

/** Whether text[from, to) holds a question mark (no slice). */
function questionBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 63) return true;
  return false;
}

/** The generic words as the reason quotes them: `"mensen met", "kan"` (strong ones first). */
function quoted(strong: readonly string[] | undefined, weak: readonly string[] | undefined): string {
  let out = '';
  for (const list of [strong, weak]) for (const w of list ?? []) out += `${out ? ', ' : ''}"${w}"`;
  return out;
}

/**
 * A legal reference in brackets, "(art. 8 WVW 1994)", "(artikel 7:629 BW)": it says which rule a fact falls under, as
 * a police report or a court letter does about one person, and is no generic wording about the category.
 */
function citation(text: string, cue: Span): boolean {
  let i = cue.start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (text.charCodeAt(i) !== 40) return false;
  let j = cue.end;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57;
}

/** Informal "you" (not in secondPerson: "je" is also the generic "one"), read only for a form's subject. */
const INFORMAL_READER = /(?:^|[^\p{L}])(?:je|jij|jou|jouw|jullie)(?![\p{L}])/iu;
/** The label of a field left blank: "Eerste ziektedag: ____", "Medicatie: ........". */
const BLANK_FIELD = /^[^:\n]{0,30}:[ \t]*(?:_|\.\.|\r?\n|$)/;
/** A numbered step, "2. Vul de eerste ziektedag in", "Stap 3: …": an instruction to whoever fills in the form. */
const STEP = /^[ \t]*(?:\d{1,2}[.)]|[Ss]tap[ \t]+\d{1,2}[.:]?|[Ss]tep[ \t]+\d{1,2}[.:]?)[ \t]/;

/**
 * Whether a term with no nearer cue in a single-person form is about the form's person. Not in a passage (the window
 * from–to) with generic wording, nor in one that speaks to the reader ("U ontvangt bericht als er een nieuwe registratie
 * is", "je leidinggevende vraagt niet naar je ziekte"): an instruction, as is a numbered step ("2. Vul de eerste
 * ziektedag in"). Not a capitalised word inside a sentence: a name ("afdeling Geriatrische Revalidatie"). Not the label
 * of a blank field.
 */
function aboutFormSubject(text: string, term: Span, from: number, to: number, notAbout: boolean): boolean {
  if (notAbout || capitalisedMidSentence(text, term.start)) return false;
  if (BLANK_FIELD.test(text.slice(term.end, term.end + 40))) return false;
  if (STEP.test(text.slice(text.lastIndexOf('\n', term.start - 1) + 1, term.start))) return false;
  return !INFORMAL_READER.test(text.slice(from, to));
}

/** A clause number before a sentence: "6.1 ", "7.", "b) ". */
const CLAUSE_NUMBER = /^[ \t]*(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-z]\))[ \t]+/;

/**
 * The opener ("indien", "mocht") when the term stands in the condition that opens its sentence: after the opener and
 * before the first comma ("6.1 Indien Franchisenemer door ziekte … niet in staat is …, stelt hij …"). What happens IF
 * someone is ill names no one's illness.
 */
function openingCondition(text: string, sentence: Span, term: Span): string | undefined {
  // Only the sentence's first words are read for the opener; the rest only when one is there.
  const head = text.slice(sentence.start, Math.min(term.start, sentence.start + 40)).trimStart().replace(CLAUSE_NUMBER, '').toLowerCase();
  let opener: string | undefined;
  for (const o of R.conditionalOpeners) if (head.startsWith(o) && !/\p{L}/u.test(head.charAt(o.length))) opener ??= o;
  if (!opener) return undefined;
  for (let i = sentence.start; i < term.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58) return undefined; // "," ";" ":" end the condition
  }
  return opener;
}

/**
 * Whether the term is one item of a list of examples in brackets, "doelen (fiets, vakbondscontributie, opleiding)":
 * three or more items, as after "zoals". Weak generic wording: a list of what could be chosen or meant, though a person's
 * own list ("Diagnoses (diabetes, COPD, astma)" beside a name) stays strong.
 */
function bracketedList(text: string, term: Span): boolean {
  let commas = 0;
  let open = term.start - 1;
  for (; open >= 0 && term.start - open <= 80 && text.charCodeAt(open) !== 40; open--) if (listBreak(text, open)) return false;
  if (open < 0 || text.charCodeAt(open) !== 40) return false;
  let close = term.end;
  for (; close < text.length && close - term.end <= 80 && text.charCodeAt(close) !== 41; close++) if (listBreak(text, close)) return false;
  if (text.charCodeAt(close) !== 41) return false;
  for (let i = open + 1; i < close; i++) if (text.charCodeAt(i) === 44) commas++;
  return commas >= 2;
}

/** A closing or opening bracket, a sentence end or a blank line: no list in brackets around the term reaches past it. */
function listBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 40 || c === 41 || c === 63 || c === 33 || (c === 10 && text.charCodeAt(i + 1) === 10);
}

const asCue = (local: LocalCue, kind: SubjectCue['kind']): SubjectCue => ({ kind, start: local.start, end: local.end, shown: local.shown });

/**
 * Whether a sentence is the answer of a questionnaire row ("Met welke achtergrond …?    Berbers"): it starts after a
 * question mark and a column gap (sentence-span.ts starts it there). Such an answer is a field value, like "Label: value".
 */
function isAnswer(text: string, start: number): boolean {
  return start > 0 && text.charCodeAt(start - 1) === 63 && columnGapEnd(text, start) >= 0;
}

/**
 * Scores one term hit inside its sentence; undefined when nothing is to be reported (generic wording outweighs
 * everything). Runs for every candidate term, so no closures (under tsx, keepNames makes every function made per
 * call cost a property definition), no arrays of what lies in the window, and the reason is only written for a term
 * that is reported.
 */
export function judge(facts: TextFacts, term: Span, sentence: Span, base: number): Judgement | undefined {
  const doc = facts.subject;
  const t = facts.text.text;
  const from = Math.max(0, term.start - R.window);
  const to = term.end + R.window;
  // A questionnaire row, "Heeft u een chronische aandoening?   Ja, diabetes": the question is a label, and an answer
  // that answers nothing ("Wil ik niet zeggen", "ja / nee" on a blank form) leaves its term about no one.
  const answer = t.charCodeAt(sentence.end - 1) === 63 ? answerAfter(t, sentence.end) : undefined;
  if (answer && unanswered(t, answer, NOT_ANSWERED)) return undefined;
  const best = BEST.reset(term);
  // Named persons and fields may stand a line or two away (forms, letters); pronouns and roles only in the sentence.
  const people = doc.people;
  for (let i = firstFrom(people, from); i < people.length && people[i]!.start < to; i++) {
    const person = people[i]!;
    if (person.end <= to) best.offer(person, (person.kind === 'field' ? S.field : S.namedPerson) * (sameSentence(person, sentence) ? 1 : S.nearby));
  }
  // The sender of the chat message that holds the term is its named person, wherever the sentence starts.
  const sender = chatSender(t, facts.newlines, term.start);
  if (sender) {
    const shown = maskWords(t.slice(sender.start, sender.end));
    best.offer({ kind: 'sender', start: sender.start, end: sender.end, shown }, S.namedPerson);
  }
  // A transaction line of a bank statement (its date, an amount) is the account holder's.
  if (doc.accountHolder && onTransactionLine(t, term.start)) best.offer(doc.accountHolder, S.namedPerson);
  if (doc.named && (answer || isAnswer(t, sentence.start) || onFormLine(t, term, EMPTY, R.statisticValues))) best.offer({ kind: 'formLine', start: term.start, end: term.end, shown: '' }, S.formLine);
  const spoken = doc.firstPersonCues;
  for (let i = firstFrom(spoken, from); i < spoken.length && spoken[i]!.start < to; i++) {
    const cue = spoken[i]!;
    const factor = cue.end <= to ? firstPersonFactor(cue, sentence, doc.named) : undefined;
    if (factor !== undefined) best.offer(cue, factor);
  }
  // Pronouns, "u" and generic wording (text-facts.ts), in text order: in the window, or only in the sentence where
  // a "mijn" outside it could not change the best cue (it counts only in a document that names someone, and then
  // at firstPerson × nearby, which loses to a better cue found already).
  const onlySentence = !doc.has || !doc.named || (best.cue !== undefined && best.factor > S.firstPerson * S.nearby);
  const locals = onlySentence
    ? facts.localCues(sentence.start, sentence.end, LOCAL)
    : facts.localCues(from, Math.min(to, t.length), LOCAL);
  let strong: string[] | undefined;
  let weak: string[] | undefined;
  /** The sentence speaks to the reader ("u", "you"), or strong generic wording stands in the window: no form subject. */
  let notAboutForm = false;
  /** The term is the condition of a clause ("bij ziekte"), or its sentence a form's consent ("ik geef toestemming"). */
  let condition: string | undefined;
  let consent: string | undefined;
  for (let i = 0; i < locals; i++) {
    const local = LOCAL[i]!;
    if (local.kind === 'firstPersonObject') {
      const factor = doc.has ? firstPersonFactor(local, sentence, doc.named) : undefined;
      if (factor !== undefined && best.beats(local, factor)) best.offer(asCue(local, 'firstPerson'), factor);
    } else if (!sameSentence(local, sentence)) {
      // Generic wording a sentence away: the term stands in a passage about rules, not about the form's person.
      if (local.kind === 'strongGeneric' && !citation(t, local)) notAboutForm = true;
      // In a letter to one person, a "u" in the window before the term's sentence still names who it is about ("… uw kassa.
      // Wij hebben aangifte gedaan wegens verduistering."); after it, the letter has moved on. A question in between
      // is a what-if for any reader ("Bent u het niet eens? Stel beroep in bij de officier van justitie.").
      if (local.kind === 'secondPerson' && doc.addressed && local.end <= sentence.start && best.beats(local, SECOND_PERSON_NEARBY)
        && !questionBetween(t, local.end, sentence.start)) {
        best.offer(asCue(local, 'secondPerson'), SECOND_PERSON_NEARBY);
      }
    } else if (local.kind === 'roles') {
      if (doc.named && best.beats(local, S.role)) best.offer(asCue(local, 'role'), S.role);
    } else if (local.kind === 'secondPerson') {
      notAboutForm = true;
      if (doc.addressed && best.beats(local, S.secondPerson)) best.offer(asCue(local, 'secondPerson'), S.secondPerson);
    } else if (local.kind === 'strongGeneric') {
      if (!citation(t, local) && !strong?.includes(local.shown)) (strong ??= []).push(local.shown);
    } else if (local.kind === 'weakGeneric' || local.kind === 'conditional') {
      if (!weak?.includes(local.shown)) (weak ??= []).push(local.shown);
      if (local.kind === 'conditional' && local.start <= term.start && local.end >= term.end) condition = local.shown;
    } else if (local.kind === 'consent') {
      consent = local.shown;
    }
  }
  condition ??= openingCondition(t, sentence, term);
  if (bracketedList(t, term)) (weak ??= []).push('(…, …, …)');
  if (!best.cue && doc.formSubject && aboutFormSubject(t, term, from, to, notAboutForm)) best.offer(doc.formSubject, S.formSubject);
  const question = !answer && t[sentence.end - 1] === '?';
  const negation = negatedBefore(t, term.start, NEGATION);
  const strongCount = strong?.length ?? 0;
  const weakCount = weak?.length ?? 0;
  const penalty = strongCount * S.strongGeneric + weakCount * S.weakGeneric + (question ? S.question : 0)
    + (negation ? S.negation : 0);
  const found = best.cue;
  const factor = found ? best.factor : doc.has ? S.noCueWithSubject : S.noSubject;
  const scored = round(Math.max(0, base * factor - penalty));
  let confidence = scored;
  // Neither a condition nor a consent sentence states anyone's health, whoever it names: never decisive.
  if ((!doc.has && !sender) || condition || consent) confidence = round(Math.min(confidence, WEAK - 0.01));
  if (confidence < S.drop || confidence === 0) return undefined;

  const where = found?.kind === 'sender'
    ? `in a chat message from ${describe(found)}`
    : found?.kind === 'accountHolder'
    ? `on a transaction line of ${describe(found)}`
    : found?.kind === 'formSubject'
    ? `in a single-person form (one subject field or addressee and an identity field in its header), about ${describe(found)}`
    : found
    ? `${sameSentence(found, sentence) ? 'in the same sentence as' : `within ${R.window} characters of`} ${describe(found)}`
    : doc.has
      ? `with no person nearby it is about (${NAMED_ELSEWHERE})`
      : 'in a document without a data subject (no salutation with a name, filled-in name field, signature or first person)';
  // strong and weak exist only with a word in them.
  let notes = strong || weak ? `generic wording ${quoted(strong, weak)} lowers it` : 'no generic wording';
  if (question) notes += '; asked as a question';
  if (negation) notes += `; negated by "${negation}"`;
  if (condition) notes += `; said as a condition ("${condition}"), of no one in particular`;
  if (consent) notes += `; in a form's consent sentence ("${consent}"), no statement about the signer`;
  const score = `score ${shown(round(base))} × ${shown(round(factor))}${penalty ? ` − ${shown(round(penalty))}` : ''} = ${shown(scored)}${scored !== confidence ? `, held at ${shown(confidence)}` : ''}`;
  const reason = `${where}; ${notes} (${score})`;
  return found ? { confidence, cue: found, reason } : { confidence, reason };
}
