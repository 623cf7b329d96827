import type { KeywordHit } from './vocabulary.ts';

/**
 * Which side of the classifier a list belongs to, for phrase shadows: the document-type cues (`doctype.*`) or the
 * detectors (every other list). The detectors' lists were tuned together, with a phrase of one hiding the words
 * inside it from all of them; the cues were added to the same pass later, for speed, and must change nothing the
 * detectors see (nor the detectors what the cues see).
 */
const familyCache = new Map<string, string>();
function listFamily(id: string): string {
  let family = familyCache.get(id);
  if (family === undefined) {
    family = id.startsWith('doctype.') ? 'doctype' : 'detectors';
    familyCache.set(id, family);
  }
  return family;
}

/** The families of a list of owners as bits (1: detectors, 2: document-type cues), for the phrase groups. */
export function familyMask(owners: readonly string[]): number {
  let mask = 0;
  for (const owner of owners) mask |= listFamily(owner) === 'doctype' ? 2 : 1;
  return mask;
}

/**
 * The words a phrase covers, per family (listFamily). When a phrase matches ("uit te betalen"), the words inside it
 * are that phrase and not also its family's shorter entries ("te betalen", "betalen") — but only for its family: the
 * IBAN detector's payment words "te betalen" inside the document-type cue "uit te betalen" are still reported. So
 * the detector pass (detectors' lists only) and the whole classification (with the cues) see the same context words.
 * A phrase found at a covered word that starts before the covering phrase is no word inside it but a longer phrase
 * around it, found from its longest word (phrases.ts anchorOf): the exclusion "aws x-ray" around the term "x-ray",
 * reported at "ray". It is kept, or the longer (more specific) entry could never match.
 */
export class PhraseShadows {
  private readonly starts: number[] = [];
  private ends: number[] = [];
  private owners: (readonly string[])[] = [];

  /** Whether any phrase may still cover a word (checked inline per word: usually none). */
  active = false;

  /** Forgets every shadow (a new text). */
  reset(): void {
    this.starts.length = 0;
    this.ends.length = 0;
    this.owners.length = 0;
    this.active = false;
  }

  /** A phrase of `owners` at [start, end) covers the text up to `end`. */
  add(start: number, end: number, owners: readonly string[]): void {
    this.starts.push(start);
    this.ends.push(end);
    this.owners.push(owners);
    this.active = true;
  }

  /** Whether any phrase still covers `start` (drops those that end before it). The common answer: none, at once. */
  covers(start: number): boolean {
    const ends = this.ends;
    if (ends.length === 0) return false;
    let kept = 0;
    for (let k = 0; k < ends.length; k++) {
      if (ends[k]! > start) {
        this.starts[kept] = this.starts[k]!;
        ends[kept] = ends[k]!;
        this.owners[kept++] = this.owners[k]!;
      }
    }
    ends.length = kept;
    this.starts.length = kept;
    this.owners.length = kept;
    this.active = kept > 0;
    return kept > 0;
  }

  /**
   * Takes the lists of the covering phrases out of hits[from…] (reported at a word inside them): a hit left with no
   * list goes, one left with some lists is replaced by a copy naming only those. A hit that starts before a covering
   * phrase (a longer phrase around it) is not inside that one.
   */
  filter(hits: KeywordHit[], from: number, indexesOf: (owners: readonly string[]) => readonly number[]): void {
    let write = from;
    for (let k = from; k < hits.length; k++) {
      const hit = hits[k]!;
      const kept = hit.listIds.filter((id) => !this.shadowed(id, hit.start));
      if (kept.length === hit.listIds.length) hits[write++] = hit;
      else if (kept.length > 0) hits[write++] = { start: hit.start, end: hit.end, entry: hit.entry, listIds: kept, listIndexes: indexesOf(kept) };
    }
    hits.length = write;
  }

  private shadowed(id: string, start: number): boolean {
    const family = listFamily(id);
    for (let k = 0; k < this.owners.length; k++) {
      if (start < this.starts[k]!) continue;
      for (const owner of this.owners[k]!) if (listFamily(owner) === family) return true;
    }
    return false;
  }
}
