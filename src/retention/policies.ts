import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCTYPES } from '../../classifiers/doctype/doctypes.ts';
import { LABELS, type Label } from '../types.ts';
import { checkPolicies } from './policy-check.ts';
import type { PolicySet, RetentionPolicy } from './types.ts';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../rules/retention/policies.json', import.meta.url));
/** An organisation's own policies: merged over the defaults by id, checked the same way. */
export const RETENTION_FILE_ENV = 'BEWAARDER_RETENTION_FILE';

/** A policy file that does not hold what it should: every problem in it, each naming the policy and field. */
export class PolicyError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'PolicyError';
  }
}

/** Reads and checks a policy file's policies (not yet merged: coverage is checked on the merged set). */
export function parsePolicies(text: string, file: string): RetentionPolicy[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PolicyError(file, [`not valid JSON (${(error as Error).message})`]);
  }
  const { policies, problems } = checkPolicies(raw, new Set(DOCTYPES.byId.keys()));
  if (problems.length) throw new PolicyError(file, problems);
  return policies;
}

function readPolicies(file: string): RetentionPolicy[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  return parsePolicies(text, file);
}

/**
 * The policies in force: the Dutch defaults (rules/retention/policies.json), with an organisation's file (`file`,
 * else $BEWAARDER_RETENTION_FILE) merged over them: same id replaces, a new id adds (and wins ties). Refuses a set that leaves some type and label without a
 * policy, so no classified document can go unscheduled.
 */
export function loadPolicies(options: { file?: string; env?: NodeJS.ProcessEnv; defaults?: string } = {}): PolicySet {
  const defaults = readPolicies(options.defaults ?? DEFAULT_POLICY_FILE);
  const file = options.file ?? (options.env ?? process.env)[RETENTION_FILE_ENV];
  const own = file ? readPolicies(file) : [];
  // The organisation's policies come first: where one is as specific as a default, the organisation's wins.
  const ids = new Set(own.map((p) => p.id));
  return policySet([...own, ...defaults.filter((p) => !ids.has(p.id))], file ?? options.defaults ?? DEFAULT_POLICY_FILE);
}

function specificity(p: RetentionPolicy, type: string, label: Label): number {
  const byType = p.documentTypes?.length ? (p.documentTypes.includes(type) ? 2 : -10) : 0;
  const byLabel = p.labels?.length ? (p.labels.includes(label) ? 1 : -10) : 0;
  return byType + byLabel;
}

/** A checked, merged set: the lookup, and the proof that every document type and label has a policy. */
export function policySet(policies: RetentionPolicy[], file = 'policies'): PolicySet {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const cache = new Map<string, RetentionPolicy | undefined>();
  function find(type: string, label: Label): RetentionPolicy | undefined {
    const key = `${type}\0${label}`;
    if (!cache.has(key)) {
      let best: RetentionPolicy | undefined;
      let score = -1;
      for (const p of policies) {
        const s = specificity(p, type, label);
        if (s > score) [best, score] = [p, s]; // the first of equally specific policies wins
      }
      cache.set(key, best);
    }
    return cache.get(key);
  }
  const missing: string[] = [];
  for (const type of DOCTYPES.byId.keys()) {
    for (const label of LABELS) if (!find(type, label)) missing.push(`no policy for type "${type}" labelled ${label}`);
  }
  if (missing.length) throw new PolicyError(file, missing);
  return {
    policies,
    byId: (id) => byId.get(id),
    policyFor(type, label) {
      // A type the rules do not know (a newer classifier) still gets the policy its label calls for.
      const policy = find(type, label) ?? find(DOCTYPES.fallback, label);
      if (!policy) throw new Error(`no retention policy for type "${type}" labelled ${label}`);
      return policy;
    },
    fingerprint: createHash('sha256').update(JSON.stringify(policies)).digest('hex').slice(0, 16),
  };
}
