import type { Detector, Occurrence } from '../detector.ts';
import { RuleError, loadRule } from '../rules.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { WordList } from '../text/vocabulary.ts';

const FILE = 'detectors/credentials.json';
const KINDS = ['password', 'username', 'pin', 'secret', 'bearer', 'recovery'] as const;
type Kind = (typeof KINDS)[number];
type Score = 'passwordSecretLooking' | 'passwordPlain' | 'passwordNoSeparator' | 'passwordQuoted' | 'username' | 'pin' |
  'secret' | 'secretShort' | 'bearer' | 'token' | 'privateKey' | 'connectionString' | 'placeholder' | 'sentence' |
  'usernameAndPassword' | 'recovery' | 'shared';

function stringLists(raw: Record<string, unknown>, field: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const [kind, words] of Object.entries(raw)) {
    if (!(KINDS as readonly string[]).includes(kind) || !Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
      throw new RuleError(FILE, `field "${field}.${kind}" must be a list of words of a known kind (${KINDS.join(', ')})`);
    }
    lists.set(kind, words as string[]);
  }
  return lists;
}

const RULES = loadRule(FILE, (raw, f) => ({
  labels: stringLists(f.object('labels'), 'labels'),
  assignmentOnly: stringLists(f.object('assignmentOnlyLabels'), 'assignmentOnlyLabels'),
  stopwords: new Set(f.strings('valueStopwords')),
  loginContext: f.strings('loginContext'),
  sharedContext: f.strings('sharedContext'),
  loginWindow: f.number('loginContextWindow', 1, 500),
  sharedWindow: f.number('sharedContextWindow', 1, 500),
  recoveryWindow: f.number('recoveryWindow', 1, 1000),
  tokens: (Array.isArray(raw.tokenPatterns) ? raw.tokenPatterns : []).map((t: { name?: unknown; pattern?: unknown; trigger?: unknown }) => {
    if (typeof t.name !== 'string' || typeof t.pattern !== 'string') throw new RuleError(FILE, 'tokenPatterns need name and pattern');
    // A trigger must be literal text of the pattern (a typo would silently skip it); that it is in every match is the rule's promise.
    if (t.trigger !== undefined && (typeof t.trigger !== 'string' || t.trigger === '' || !t.pattern.includes(t.trigger))) {
      throw new RuleError(FILE, `tokenPatterns "${t.name}": trigger must be a non-empty part of the pattern`);
    }
    return { name: t.name, pattern: new RegExp(t.pattern, 'g'), trigger: t.trigger as string | undefined };
  }),
  scores: f.object('scores') as Record<Score, number>,
}));

const MASK = '********';
/** What may stand between a label and its value: a closing quote, a remark in brackets, "is", `:`/`=`, a tab. */
const SEPARATOR = /["'\]]?[ \t]*(?:\([^)\n]{0,30}\)[ \t]*)?(?:(is|luidt|was)\b[ \t]*)?(?:(:=|=>|[:=]|\t)[ \t]*(?:\r?\n[ \t]*)?)?["'`]?/iy;
const VALUE = /[^\s"'`]+/y;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const USERINFO = /([^\s:@/?#]{1,64}):([^\s@/?#]{1,128})@/y;
const BEARER = /^[A-Za-z0-9._~+/-]{20,}=*$/;
const RECOVERY_CODE = /(?<![\w-])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{4,5}-[A-Za-z0-9]{4,5}(?![\w-])/;
const LOGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;
const LOGIN = 'credentials.login-context';
const SHARED = 'credentials.shared-context';

const byStart = (a: Occurrence, b: Occurrence) => a.start - b.start;
const listId = (kind: string, assignment = false) => `credentials.${kind}${assignment ? '.assignment' : ''}`;
/** Every label list in the order they are read, ids built once (a string built per call is hashed per lookup). */
const LABEL_LISTS = KINDS.flatMap((kind) => [false, true].map((assignment) => ({ kind, assignment, id: listId(kind, assignment) })));
const RECOVERY = listId('recovery');

interface Value { start: number; end: number; text: string; sep: 'assign' | 'is' | 'none'; op: string; nextLine: boolean; quoted: boolean }

/** Reads the value after a label; undefined when nothing that could be a value follows. */
function valueAfter(source: string, labelEnd: number): Value | undefined {
  SEPARATOR.lastIndex = labelEnd;
  const sep = SEPARATOR.exec(source)!;
  VALUE.lastIndex = labelEnd + sep[0].length;
  const m = VALUE.exec(source);
  if (!m) return undefined;
  const kind = sep[2] ? 'assign' : sep[1] ? 'is' : 'none';
  let text = m[0];
  if (sep[2] === '=') text = text.split(/[;&]/)[0]!; // connection strings, query strings: `Password=x;Server=y`
  text = text.replace(/(?<=.)[.,;?)\]}>]+$/, '');
  const quote = sep[0].at(-1)!;
  const quoted = /["'`]/.test(quote) && source[m.index + text.length] === quote;
  return { start: m.index, end: m.index + text.length, text, sep: kind, op: sep[2] ?? '', nextLine: sep[0].includes('\n'), quoted };
}

const secretLooking = (v: string) =>
  v.length >= 6 && ((/\d/.test(v) && /[a-z]/i.test(v)) || /[^a-z0-9]/i.test(v) || /[a-z].*[A-Z]/.test(v));
/** Letters and digits mixed, as in a password; a word with a hyphen or a number alone is not enough. */
const strictSecret = (v: string) => v.length >= 6 && /^[A-Za-z0-9]/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v);
const isPlaceholder = (v: string) => /^[*•·xX_.?-]+$/.test(v) || /^[<[{$%]/.test(v) || v.endsWith(':');

/** Confidence and reason for one label + value, or undefined when the text only talks about the label. */
function judge(kind: Kind, label: string, v: Value, source: string): Pick<Occurrence, 'confidence' | 'reason'> | undefined {
  const s = RULES.scores;
  if (isPlaceholder(v.text) || RULES.stopwords.has(v.text.toLowerCase())) return undefined;
  const sentence = /^\p{L}+$/u.test(v.text) && /^ \p{Ll}/u.test(source.slice(v.end, v.end + 2));
  // On the next line a plain word is as likely a heading or the next field as a value.
  if (v.nextLine && (kind === 'password' || kind === 'username') && !secretLooking(v.text) && !/[\d@._]/.test(v.text)) return undefined;
  const after = `after "${label}"`;
  switch (kind) {
    case 'pin':
      return /^\d{4,8}$/.test(v.text) ? { confidence: s.pin, reason: `${v.text.length}-digit code ${after}` } : undefined;
    case 'bearer':
      return v.sep !== 'is' && BEARER.test(v.text) ? { confidence: s.bearer, reason: `bearer token ${after}` } : undefined;
    case 'secret':
      if (v.sep === 'none') return undefined;
      if (v.text.length >= 16 && /\d/.test(v.text) && /[a-z]/i.test(v.text)) {
        return { confidence: s.secret, reason: `${v.text.length}-character key or token ${after}` };
      }
      return v.sep === 'assign' && v.text.length >= 8 && secretLooking(v.text)
        ? { confidence: s.secretShort, reason: `short secret-looking value ${after}` }
        : undefined;
    case 'recovery':
      return undefined; // read by recoveryCodes(): the codes stand on the lines below the label
    case 'username':
      // "Mijn DigiD is jos.bos61": after "is" only a value shaped like a login name, not "is geblokkeerd".
      if (v.sep === 'is' && LOGIN_NAME.test(v.text) && /[\d._@]/.test(v.text)) {
        return { confidence: s.username, reason: `login name ${after}` };
      }
      if (v.sep !== 'assign' || v.text.length < 2) return undefined;
      return sentence
        ? { confidence: s.sentence, reason: `word ${after} starts a sentence: probably not a login name` }
        : { confidence: s.username, reason: `login name ${after}` };
    case 'password':
      // "met wachtwoord Zonnebloem77", "zijn wachtwoord 'Henk1962!'": no separator, but the value says what it is.
      if (v.sep === 'none' && v.quoted && secretLooking(v.text)) {
        return { confidence: s.passwordQuoted, reason: `quoted password-like value ${after}` };
      }
      if (v.sep === 'none' && strictSecret(v.text)) {
        return { confidence: s.passwordNoSeparator, reason: `letters mixed with digits ${after}` };
      }
      if (v.sep === 'none' || v.text.length < 4) return undefined;
      if (secretLooking(v.text)) {
        return { confidence: s.passwordSecretLooking, reason: `password-like value (letters mixed with digits or symbols) ${after}` };
      }
      if (v.sep === 'is') return undefined; // "uw wachtwoord is verlopen"
      return sentence
        ? { confidence: s.sentence, reason: `word ${after} starts a sentence: probably instructions, not a password` }
        : { confidence: s.passwordPlain, reason: `plain word as value ${after}` };
  }
}

function labelled(text: ScannedText, found: Occurrence[]): void {
  // `DB_PASSWORD=…` hits both `db_password` and `password`: one value, reported once (under the first label).
  let values: Set<number> | undefined; // made at the first value: most texts have no label
  // Indexed loops: `hits` returns a frozen empty array for a list without hits, and a for-of over arrays of two
  // kinds allocates an iterator result per step (this runs for every label list of every text).
  for (let l = 0; l < LABEL_LISTS.length; l++) {
    const { kind, assignment, id } = LABEL_LISTS[l]!;
    const hits = text.hits(id);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const v = valueAfter(text.text, hit.end);
      // `user`, `pass`, `login` are ordinary words: only a config assignment (`user=admin`) makes them labels.
      if (!v || values?.has(v.start) || (assignment && !v.op.includes('=')) || v.start - hit.end > 40) continue;
      let verdict = judge(kind, hit.entry, v, text.text);
      const shared = kind === 'password' && verdict ? text.near(SHARED, hit, RULES.sharedWindow) : undefined;
      if (verdict && shared) {
        verdict = {
          confidence: Math.min(verdict.confidence, RULES.scores.shared),
          reason: `${verdict.reason}, but "${shared.entry}" nearby: a shared network password of an organisation, not a person's login`,
        };
      }
      if (!verdict) continue;
      (values ??= new Set()).add(v.start);
      found.push({ start: hit.start, end: v.end, ...verdict, evidence: `${hit.entry}: ${MASK}`, value: v.text });
    }
  }
}

/** Adds an occurrence unless it overlaps one already found (a key that has a label is reported once, with its label). */
function addUnlessOverlapping(found: Occurrence[], o: Occurrence): void {
  for (const f of found) if (f.start < o.end && o.start < f.end) return;
  found.push(o);
}

/** "VPN: mhugen / Qw3rty!9": a login name and a password separated by a slash, next to a login word. */
function slashPairs(text: ScannedText, found: Occurrence[]): void {
  const source = text.text;
  // `/ ` is searched, not ` / `: V8 finds a string that starts with a rare character many times faster.
  for (let slash = source.indexOf('/ '); slash >= 0; slash = source.indexOf('/ ', slash + 2)) {
    const at = slash - 1;
    if (source[at] !== ' ') continue;
    // Bilingual labels ("Naam / Surname") are everywhere: look for a login word first, it is a binary search.
    if (!text.near(LOGIN, { start: at, end: at + 3 }, RULES.loginWindow + 64)) continue;
    let start = at;
    while (start > 0 && at - start < 64 && !/\s/.test(source[start - 1]!)) start--;
    const pass = /^\S+/.exec(source.slice(at + 3, at + 131))?.[0].replace(/(?<=.)[.,;)]+$/, '') ?? '';
    const user = source.slice(start, at);
    if (!LOGIN_NAME.test(user) || !/[a-z]/.test(user) || !strictSecret(pass)) continue;
    const span = { start, end: at + 3 + pass.length };
    const login = text.near(LOGIN, span, RULES.loginWindow);
    if (!login) continue;
    addUnlessOverlapping(found, { ...span, confidence: RULES.scores.usernameAndPassword, evidence: `${login.entry}: ${MASK} / ${MASK}`,
      reason: `login name and password-like value separated by "/" near "${login.entry}"`, value: `${user} / ${pass}` });
  }
}

/** Recovery or backup codes: groups like 4821-7710 on the lines after their label. */
function recoveryCodes(text: ScannedText, found: Occurrence[]): void {
  const hits = text.hits(RECOVERY);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const m = RECOVERY_CODE.exec(text.text.slice(hit.end, hit.end + RULES.recoveryWindow));
    if (!m) continue;
    const start = hit.end + m.index;
    found.push({ start: hit.start, end: start + m[0].length, confidence: RULES.scores.recovery, evidence: `${hit.entry}: ${MASK}`,
      reason: `code groups after "${hit.entry}": one-time codes that open an account`, value: m[0] });
  }
}

const isWordChar = (source: string, i: number) => /[A-Za-z0-9_]/.test(source[i] ?? '');

/**
 * The distinct triggers of the token patterns, each searched at most once per text; a trigger that holds a shorter
 * one (`_live_` holds `_`) is absent whenever that one is, without a search of its own.
 */
const TRIGGERS = [...new Set(RULES.tokens.flatMap((t) => (t.trigger === undefined ? [] : [t.trigger])))];
const TRIGGER_OF = RULES.tokens.map((t) => (t.trigger === undefined ? -1 : TRIGGERS.indexOf(t.trigger)));
const TRIGGER_INSIDE = TRIGGERS.map((t) => TRIGGERS.findIndex((u) => u.length < t.length && t.includes(u)));
/** Per trigger in the current text: 0 not searched yet, 1 present, -1 absent (patterned is not re-entered). */
const triggerState = new Int8Array(TRIGGERS.length);
function hasTrigger(source: string, t: number): boolean {
  if (triggerState[t] === 0) {
    const inside = TRIGGER_INSIDE[t]!;
    triggerState[t] = (inside >= 0 && !hasTrigger(source, inside)) || !source.includes(TRIGGERS[t]!) ? -1 : 1;
  }
  return triggerState[t] === 1;
}

/** Keys and tokens by their format, private key blocks, URLs with a password: added where no labelled value stands. */
function patterned(source: string, found: Occurrence[]): void {
  const s = RULES.scores;
  triggerState.fill(0);
  for (let k = 0; k < RULES.tokens.length; k++) {
    const { name, pattern } = RULES.tokens[k]!;
    // Most texts lack the trigger: one indexOf instead of a regex over the whole text.
    if (TRIGGER_OF[k]! >= 0 && !hasTrigger(source, TRIGGER_OF[k]!)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
      const end = m.index + m[0].length;
      if (isWordChar(source, m.index - 1) || isWordChar(source, end)) continue;
      addUnlessOverlapping(found, {
        start: m.index, end, confidence: s.token, evidence: `${name}: ${MASK}`, reason: `${name} (recognised by its format)`, value: m[0],
      });
    }
  }
  // Every block names a PRIVATE KEY: its rare upper-case P is found at memory speed, the regex runs only then.
  PRIVATE_KEY.lastIndex = 0;
  for (let m = source.includes('PRIVATE KEY') ? PRIVATE_KEY.exec(source) : null; m; m = PRIVATE_KEY.exec(source)) {
    // The block runs to its END line: the whole key is the secret, its span is what a viewer highlights.
    const close = source.indexOf('-----END', m.index + m[0].length);
    const closeEnd = close >= 0 && close - m.index < 20_000 ? source.indexOf('-----', close + 8) : -1;
    const end = closeEnd >= 0 ? closeEnd + 5 : m.index + m[0].length;
    addUnlessOverlapping(found, { start: m.index, end, confidence: s.privateKey, evidence: `${m[0]} ${MASK}`, reason: 'private key block (PEM)' });
  }
  // `//` is searched, not `://`: the colon is common, the slash rare. Every `://` is a `//` after a colon.
  for (let slashes = source.indexOf('//'); slashes >= 0; slashes = source.indexOf('//', slashes + 1)) {
    if (source.charCodeAt(slashes - 1) !== 58) continue;
    const at = slashes - 1;
    let start = at;
    while (start > 0 && at - start < 20 && /[A-Za-z0-9+.-]/.test(source[start - 1]!)) start--;
    USERINFO.lastIndex = at + 3;
    const m = USERINFO.exec(source);
    if (start === at || !m) continue;
    const scheme = source.slice(start, at);
    const placeholder = RULES.stopwords.has(m[2]!.toLowerCase()) || isPlaceholder(m[2]!);
    addUnlessOverlapping(found, {
      start, end: m.index + m[0].length,
      confidence: placeholder ? s.placeholder : s.connectionString,
      evidence: `${scheme}://${MASK}:${MASK}@…`,
      reason: placeholder ? `${scheme} URL with a placeholder password` : `${scheme} URL with a user name and password`,
      value: `${m[1]}:${m[2]}`,
    });
  }
}

export const credentialsDetector: Detector = {
  id: 'credentials',
  category: 'credentials',
  wordLists: [
    ...[...RULES.labels].map(([kind, words]): WordList => ({ id: listId(kind), words })),
    ...[...RULES.assignmentOnly].map(([kind, words]): WordList => ({ id: listId(kind, true), words })),
    { id: LOGIN, words: RULES.loginContext },
    { id: SHARED, words: RULES.sharedContext },
  ],
  detect(text) {
    const found: Occurrence[] = [];
    labelled(text, found);
    recoveryCodes(text, found);
    slashPairs(text, found);
    patterned(text.text, found);
    return found.length > 1 ? found.sort(byStart) : found;
  },
};
