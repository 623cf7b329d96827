import { LABELS, type Label } from '../types.ts';
import { parseDuration } from './duration.ts';
import type { RetentionPolicy } from './types.ts';

const KEYS = new Set(['id', 'name', 'documentTypes', 'labels', 'term', 'trigger', 'action', 'stages', 'ground', 'examples']);
const ID = /^[a-z0-9][a-z0-9-]*$/;
const TRIGGER = /^(created|modified|event:[a-z0-9][a-z0-9-]*)$/;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/**
 * The schema of a policy file, checked in code so every error names the policy and the field in words a records
 * manager can act on. Collects every problem rather than stopping at the first.
 */
export function checkPolicies(raw: unknown, documentTypes: ReadonlySet<string>): { policies: RetentionPolicy[]; problems: string[] } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { policies?: unknown }).policies)) {
    return { policies: [], problems: ['must be a JSON object with a list "policies"'] };
  }
  const seen = new Set<string>();
  const policies: RetentionPolicy[] = [];
  (raw as { policies: unknown[] }).policies.forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`policies[${i}] must be an object`);
      return;
    }
    const p = entry as Record<string, unknown>;
    const where = typeof p.id === 'string' ? `policy "${p.id}"` : `policies[${i}]`;
    const bad = (message: string) => problems.push(`${where}: ${message}`);
    for (const key of Object.keys(p)) if (!KEYS.has(key)) bad(`unknown field "${key}" (known: ${[...KEYS].join(', ')})`);
    if (typeof p.id !== 'string' || !ID.test(p.id)) bad('"id" must be lower-case letters, digits and dashes');
    else if (seen.has(p.id)) bad('"id" is used twice in this file');
    else seen.add(p.id);
    if (typeof p.name !== 'string' || !p.name.trim()) bad('"name" is missing');
    if (p.documentTypes !== undefined) {
      if (!isStrings(p.documentTypes)) bad('"documentTypes" must be a list of document type ids');
      else for (const t of p.documentTypes) if (!documentTypes.has(t)) bad(`"documentTypes": "${t}" is not a document type in rules/doctypes.json`);
    }
    if (p.labels !== undefined && (!isStrings(p.labels) || !p.labels.every((l) => LABELS.includes(l as Label)))) {
      bad(`"labels" must be a list of ${LABELS.join(', ')}`);
    }
    if (typeof p.term !== 'string' || !parseDuration(p.term)) bad(`"term" must be an ISO 8601 duration such as P7Y, P6M, P4W or P30D (got ${JSON.stringify(p.term)})`);
    if (typeof p.trigger !== 'string' || !TRIGGER.test(p.trigger)) bad('"trigger" must be created, modified or event:<name> (e.g. event:end-of-employment)');
    if (p.action !== 'delete' && p.action !== 'review') bad('"action" must be delete or review');
    if (p.stages !== undefined) {
      if (!isStrings(p.stages) || p.stages.length === 0) bad('"stages" must be a non-empty list of reviewer roles');
      else if (p.action !== 'review') bad('"stages" needs "action": "review"');
    }
    if (typeof p.ground !== 'string' || p.ground.trim().length < 20) bad('"ground" must give the legal ground in words, with the article or law');
    if (p.examples !== undefined && !isStrings(p.examples)) bad('"examples" must be a list of texts');
    policies.push(p as unknown as RetentionPolicy);
  });
  return { policies, problems };
}
