import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CorpusDocument } from './corpus.ts';
import { trainLogistic, DEFAULT_LOGISTIC, type LogisticModel, type LogisticOptions } from './logistic.ts';
import { documentFeatures } from './tokens.ts';

/** Bump when the features change: cached models trained on other features must not be reused. */
const FEATURE_VERSION = 'stems+title/1';

function cacheDir(): string {
  return process.env.BEWAARDER_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'bewaarder');
}

/**
 * The document-type model for a training set: trained once and kept in the cache folder under a hash of the
 * training documents, their labels and the options — so it is retrained exactly when one of those changed.
 * The corpus holds only fictional documents, so the cached model holds no real personal data.
 */
export function loadOrTrain(docs: readonly Pick<CorpusDocument, 'text' | 'type'>[], options: LogisticOptions = DEFAULT_LOGISTIC): LogisticModel {
  const hash = createHash('sha256').update(FEATURE_VERSION).update(JSON.stringify(options));
  for (const d of docs) hash.update(d.type).update('\0').update(d.text).update('\0');
  const file = join(cacheDir(), `doctype-${hash.digest('hex').slice(0, 24)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LogisticModel;
  } catch {
    // not cached yet (or unreadable): train below
  }
  const model = trainLogistic(docs.map((d) => ({ tokens: documentFeatures(d.text), label: d.type })), options);
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(model));
    renameSync(temporary, file); // atomic: a concurrent reader never sees half a model
  } catch {
    // a read-only home is fine: the model is simply trained again next time
  }
  return model;
}
