import { describe, expect, it } from 'vitest';
import { compileLead, leadStart } from '../../../classifiers/text/lead-match.ts';
import { anchorOf, matchAnchored } from '../../../classifiers/text/phrases.ts';

/** The regex that the backward match replaces (phrases.ts: anchorOf, matchAnchored). */
function regexStart(text: string, end: number, lead: string): number {
  let source = '';
  for (const c of lead) source += c === ' ' ? '[ \\t-]+' : c === '-' ? '[ \\t-]?' : /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
  const m = new RegExp(`${source}$`, 'i').exec(text.slice(Math.max(0, end - 80), end));
  return m ? end - m[0].length : -1;
}

/** A small deterministic generator (xorshift), so that a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('lead-match: the backward match answers as the regex `lead$` over the window', () => {
  const leads = ['geb. ', 'de ', 'a -', 'x- y ', 'n.v.', "in 't ", 'ab--c ', 'k', 's', 'i.', 'a - b'];
  // Letters in both cases, gap characters, and characters that case-fold to ASCII letters only with the `u` flag.
  const alphabet = [' ', '\t', '-', 'a', 'A', 'b', 'B', 'c', 'd', 'D', 'e', 'E', 'g', 'G', 'i', 'I', 'k', 'K', 'n', 'N', '.', "'"];
  alphabet.push('t', 'T', 'v', 'x', 'y', 's', 'S', 'ſ', '\u212a', 'ı', 'İ', 'é', 'z');
  const pick = <T>(next: () => number, list: readonly T[]) => list[Math.floor(next() * list.length)]!;

  it('on random texts', () => {
    const next = random(20240611);
    for (let n = 0; n < 40000; n++) {
      const lead = leads[n % leads.length]!;
      let text = '';
      if (next() < 0.5) {
        for (const c of lead) text += c === ' ' ? pick(next, [' ', '\t', '-', '  ', ' -\t']) : c === '-' ? pick(next, ['', '-', ' ']) : next() < 0.5 ? c.toUpperCase() : c;
      }
      for (let k = Math.floor(next() * 10); k > 0; k--) text = pick(next, alphabet) + text;
      if (next() < 0.05) text = lead.replace(' ', ' '.repeat(70 + Math.floor(next() * 20)));
      expect(leadStart(text, text.length, compileLead(lead)!), JSON.stringify([lead, text])).toBe(regexStart(text, text.length, lead));
    }
  });

  it('leaves leads it cannot match exactly to the regex', () => {
    expect(compileLead('n° ')).toBeUndefined();
    expect(compileLead('-x ')).toBeUndefined();
    expect(compileLead('')).toBeUndefined();
  });

  it('finds anchored phrases', () => {
    const anchor = anchorOf('geb. datum', false)!;
    expect(anchor.backward).toBeDefined();
    const text = 'Geb.  Datum: 1-1-1990; geb datum';
    const first = text.indexOf('Datum');
    const last = text.lastIndexOf('datum');
    expect(matchAnchored(text, first, first + 5, anchor)).toEqual({ start: 0, end: first + 5 });
    expect(matchAnchored(text, last, last + 5, anchor)).toBeUndefined();
  });
});
