/**
 * Every detector's word lists compiled into one regular expression, so the whole text is searched for
 * all keywords in a single pass (a trie of alternatives, which V8's regex engine runs fast), instead of
 * one pass per list.
 *
 * Entries are lower case. `word` matches the whole word; `word*` matches every word that starts with it
 * (used for stems: `zwanger*` finds zwanger, zwangerschap, zwangerschapsverlof). Multi-word entries
 * (`van der`, `burn out`) are allowed.
 */
export interface WordList {
  /** Globally unique, `detector.purpose`, e.g. `bsn.context`. */
  readonly id: string;
  readonly words: readonly string[];
}

export interface KeywordHit {
  start: number;
  end: number;
  /** The entry that matched (lower case, `*` for a prefix entry). */
  entry: string;
  listIds: readonly string[];
}

const LETTER = 'a-z0-9\\u00c0-\\u024f';

interface TrieNode {
  children: Map<string, TrieNode>;
  exact: boolean;
  prefix: boolean;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c === ' ' ? '[ \\t-]' : c;
}

function emit(node: TrieNode): string {
  const alternatives: string[] = [];
  for (const [c, child] of node.children) alternatives.push(escapeChar(c) + emit(child));
  if (node.exact) alternatives.push(`(?![${LETTER}])`);
  if (node.prefix) alternatives.push(`[${LETTER}]*`);
  if (alternatives.length === 0) return '';
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

export class Vocabulary {
  private readonly pattern: RegExp | undefined;
  private readonly exact = new Map<string, string[]>();
  private readonly prefixes = new Map<string, string[]>();
  private readonly longestPrefix: number;
  readonly listIds: readonly string[];

  constructor(lists: readonly WordList[]) {
    const root: TrieNode = { children: new Map(), exact: false, prefix: false };
    let longest = 0;
    const ids = new Set<string>();
    for (const list of lists) {
      if (ids.has(list.id)) throw new Error(`word list "${list.id}" is declared twice`);
      ids.add(list.id);
      for (const raw of list.words) {
        const isPrefix = raw.endsWith('*');
        const word = (isPrefix ? raw.slice(0, -1) : raw).trim().toLowerCase().replace(/\s+/g, ' ');
        if (word.length === 0) continue;
        const table = isPrefix ? this.prefixes : this.exact;
        const owners = table.get(word) ?? [];
        if (!owners.includes(list.id)) owners.push(list.id);
        table.set(word, owners);
        if (isPrefix) longest = Math.max(longest, word.length);
        let node = root;
        for (const c of word) {
          let next = node.children.get(c);
          if (!next) node.children.set(c, (next = { children: new Map(), exact: false, prefix: false }));
          node = next;
        }
        if (isPrefix) node.prefix = true;
        else node.exact = true;
      }
    }
    this.longestPrefix = longest;
    this.listIds = [...ids];
    // Case-insensitive on the original text: lower-casing a copy first costs as much as the search itself.
    this.pattern = root.children.size ? new RegExp(`(?<![${LETTER}])${emit(root)}`, 'gi') : undefined;
  }

  /** All keyword hits in the text, in order, non-overlapping (longest entry wins). */
  scan(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const re = this.pattern;
    if (!re) return hits;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const matched = m[0].toLowerCase().replace(/[ \t-]/g, (c) => (c === '-' ? '-' : ' '));
      const hit = this.resolve(matched);
      if (hit) hits.push({ start: m.index, end: m.index + m[0].length, ...hit });
      if (m[0].length === 0) re.lastIndex++;
    }
    return hits;
  }

  private resolve(matched: string): Omit<KeywordHit, 'start' | 'end'> | undefined {
    const exactOwners = this.exact.get(matched) ?? this.exact.get(matched.replace(/-/g, ' '));
    if (exactOwners) return { entry: matched, listIds: exactOwners };
    for (let len = Math.min(matched.length, this.longestPrefix); len > 0; len--) {
      const stem = matched.slice(0, len);
      const owners = this.prefixes.get(stem) ?? this.prefixes.get(stem.replace(/-/g, ' '));
      if (owners) return { entry: `${stem}*`, listIds: owners };
    }
    return undefined;
  }
}
