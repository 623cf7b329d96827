/**
 * The change log behind every delta endpoint: each change to a key gets the next sequence number, and a delta
 * since sequence s returns each key changed after s once, in its latest state (as Graph does: the last change
 * wins). Superseded entries stay in the arrays and are skipped, so appending is O(1) and a page is a slice.
 */
export interface ChangeLog {
  readonly seq: number;
  touch(key: string): number;
  /** Keys whose latest change lies in (after, upTo], oldest first, with that change's sequence number. */
  since(after: number, upTo: number): Generator<{ seq: number; key: string }>;
  latest(key: string): number | undefined;
}

export function createChangeLog(): ChangeLog {
  const keys: string[] = [];
  const latestSeq = new Map<string, number>();
  return {
    get seq() {
      return keys.length;
    },
    touch: function touch(key) {
      keys.push(key);
      latestSeq.set(key, keys.length);
      return keys.length;
    },
    since: function* since(after, upTo) {
      // Sequence n sits at index n - 1.
      for (let seq = Math.max(0, after) + 1; seq <= Math.min(upTo, keys.length); seq++) {
        const key = keys[seq - 1]!;
        if (latestSeq.get(key) === seq) yield { seq, key };
      }
    },
    latest: (key) => latestSeq.get(key),
  };
}
