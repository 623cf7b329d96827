import type { Label } from '../types.ts';
import { addDuration, dayOf } from './duration.ts';
import { loadPolicies } from './policies.ts';
import type { PolicySet, RetentionContract } from './types.ts';

let defaults: PolicySet | undefined;

/**
 * The classify contract's `retention` field for a file that is classified but not stored: its policy and the date
 * it may go, counted from the file's modified time (which stands in for its creation too), or the event it waits for.
 */
export function retentionForFile(c: { documentType: string; label: Label }, modified: Date | string, policies?: PolicySet): RetentionContract {
  const set = policies ?? (defaults ??= loadPolicies());
  const policy = set.policyFor(c.documentType, c.label);
  if (policy.trigger.startsWith('event:')) return { policy: policy.id, needsTrigger: policy.trigger.slice('event:'.length) };
  return { policy: policy.id, disposeAfter: addDuration(dayOf(modified), policy.term) };
}
