import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Label } from '../../src/types.ts';
import { RULES_DIR } from '../rules.ts';
import { DOCTYPES } from './doctypes.ts';

/**
 * The training corpus: rules/corpus/<type>/<NN>-<label>.txt — realistic, fictional documents written for this
 * project, each with the label it deserves. Every fifth document is held back for `npm run eval`.
 */
export interface CorpusDocument {
  file: string;
  type: string;
  label: Label;
  text: string;
  split: 'train' | 'dev';
}

const FILE = /^(\d+)-(geen|generiek|bijzonder)\.txt$/;
export const CORPUS_DIR = join(RULES_DIR, 'corpus');

export function loadCorpus(dir = CORPUS_DIR): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (const type of readdirSync(dir).sort()) {
    if (!DOCTYPES.byId.has(type)) throw new Error(`rules/corpus/${type}: not a document type in rules/doctypes.json`);
    for (const name of readdirSync(join(dir, type)).sort()) {
      const m = FILE.exec(name);
      if (!m) throw new Error(`rules/corpus/${type}/${name}: expected <number>-<${LABELS.join('|')}>.txt`);
      docs.push({
        file: `${type}/${name}`,
        type,
        label: m[2] as Label,
        text: readFileSync(join(dir, type, name), 'utf8'),
        split: Number(m[1]) % 5 === 0 ? 'dev' : 'train',
      });
    }
  }
  return docs;
}
