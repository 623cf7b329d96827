import { WEAK } from '../detector.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import { RULES as NAME_RULES } from './person-name/cues.ts';
import { personNames } from './person-name/detector.ts';

/**
 * A capitalised word, a two-word surname particle and a capitalised word ("Inge van der Laan", "Kees van den Berg"):
 * a person's name by its shape, also where the name lists miss the first name. One particle is not enough ("Raad van
 * Bestuur", "Kamer van Koophandel"), nor a first word that names an institution ("Raad van de Kinderbescherming",
 * "Stichting van het Jonge Kind": rules/detectors/person-name.json nonNames and institutionWords).
 */
const COMPOUND_PARTICLE_NAME = /\b([A-Z][a-z\u00e0-\u00ff]+) (?:van der|van den|van de|van het|van 't|in 't|in het|op de|op den|uit den|uit de) [A-Z][a-z\u00e0-\u00ff]/g;

function compoundParticleName(text: string): boolean {
  for (const match of text.matchAll(COMPOUND_PARTICLE_NAME)) {
    const first = match[1]!.toLowerCase();
    if (NAME_RULES.stop.get(first) !== true && !NAME_RULES.institution.has(first)) return true;
  }
  return false;
}

/**
 * Whether the text names a person: a person-name occurrence strong enough to decide (≥ WEAK), or a name with a
 * compound particle. Contact details that could be a person's or an organisation's (a mailbox without a role word, a
 * landline without context) are the organisation's in a text that names nobody who could own them. Shared by the
 * e-mail and phone detectors.
 */
export function namesAPerson(text: ScannedText): boolean {
  return text.memo('names-a-person', () =>
    personNames(text).some((name) => name.confidence >= WEAK) || compoundParticleName(text.text));
}
