import type { Detector, Occurrence } from '../detector.ts';
import { loadRule } from '../rules.ts';
import { evidence, maskKeepLast } from '../text/mask.ts';
import type { ScannedText } from '../text/scanned-text.ts';
import type { KeywordHit } from '../text/vocabulary.ts';
import { roleMailboxNear } from './email.ts';
import { phoneAt, phoneStart, type PhoneNumber, type PhonePrefixes } from './phone-number.ts';

type Score =
  | 'mobile' | 'mobileCompanyContext' | 'landlinePersonal' | 'landline' | 'landlineCompany' | 'companyNumber'
  | 'serviceNumber';

const RULES = loadRule('detectors/phone.json', (_, f) => ({
  labels: f.strings('phoneLabels'),
  personal: f.strings('personalContext'),
  company: f.strings('companyContext'),
  lookalike: f.strings('lookalikeContext'),
  window: f.number('contextWindow', 1, 500),
  lookalikeWindow: f.number('lookalikeWindow', 1, 200),
  prefixes: {
    service: f.strings('serviceNumberPrefixes'),
    company: f.strings('companyNumberPrefixes'),
    internationalMobile: f.strings('internationalMobilePrefixes'),
  } satisfies PhonePrefixes,
  scores: f.object('scores') as Record<Score, number>,
}));

const LABEL = 'phone.label';
const PERSONAL = 'phone.personal';
const COMPANY = 'phone.company';
const LOOKALIKE = 'phone.lookalike';

function distance(hit: KeywordHit | undefined, span: { start: number; end: number }): number {
  if (!hit) return Infinity;
  return hit.end <= span.start ? span.start - hit.end : Math.max(0, hit.start - span.end);
}

function judge(text: ScannedText, phone: PhoneNumber): { score: Score; reason: string } | undefined {
  const label = text.near(LABEL, phone, RULES.lookalikeWindow, false);
  const lookalike = text.near(LOOKALIKE, phone, RULES.lookalikeWindow, false);
  // "Ordernummer 0612345678": the nearest label before the digits says what kind of number it is.
  if (lookalike && distance(lookalike, phone) < distance(label, phone)) return undefined;
  const personal = text.near(PERSONAL, phone, RULES.window);
  const company = text.near(COMPANY, phone, RULES.window);
  const companyWins = company !== undefined && distance(company, phone) < distance(personal, phone);
  const personalWins = personal !== undefined && !companyWins;
  const national = phone.nsn !== undefined ? `0${phone.nsn}` : '';
  if (phone.kind === 'service') {
    return { score: 'serviceNumber', reason: `service number (${national.slice(0, 4)}) of an organisation: not a person's` };
  }
  if (phone.kind === 'mobile') {
    return companyWins
      ? { score: 'mobileCompanyContext', reason: `mobile number, near company context "${company.entry}" (a mobile still leads to one person)` }
      : { score: 'mobile', reason: 'mobile number: belongs to one person' };
  }
  const what = phone.kind === 'international' ? 'international number' : 'landline number';
  if (personalWins) return { score: 'landlinePersonal', reason: `${what} with personal context "${personal.entry}"` };
  if (RULES.prefixes.company.some((p) => national.startsWith(p))) {
    return { score: 'companyNumber', reason: `company number (${national.slice(0, 3)}): an organisation's line` };
  }
  if (companyWins) return { score: 'landlineCompany', reason: `${what} near company context "${company.entry}": a switchboard, not a person's` };
  const mailbox = roleMailboxNear(text.text, phone, RULES.window);
  if (mailbox) return { score: 'landlineCompany', reason: `${what} next to the role mailbox "${mailbox}": an organisation's line` };
  return { score: 'landline', reason: `${what} without context (could be a person's or an organisation's)` };
}

const EVIDENCE_LABEL: Record<PhoneNumber['kind'], string> = {
  mobile: 'mobiel',
  landline: 'telefoon',
  international: 'telefoon',
  service: 'servicenummer',
};

export const phoneDetector: Detector = {
  id: 'phone',
  category: 'phone',
  wordLists: [
    { id: LABEL, words: RULES.labels },
    { id: PERSONAL, words: RULES.personal },
    { id: COMPANY, words: RULES.company },
    { id: LOOKALIKE, words: RULES.lookalike },
  ],
  detect(text) {
    const occurrences: Occurrence[] = [];
    let consumed = 0;
    const runs = text.digitRunPairs();
    for (let k = 0; k < runs.length; k += 2) {
      if (runs[k]! < consumed) continue;
      const start = phoneStart(text.text, runs[k]!);
      if (start === undefined) continue;
      const phone = phoneAt(text.text, start, RULES.prefixes);
      if (!phone) continue;
      consumed = phone.end;
      const judged = judge(text, phone);
      if (!judged) continue;
      occurrences.push({
        start: phone.start,
        end: phone.end,
        confidence: RULES.scores[judged.score],
        evidence: evidence(maskKeepLast(phone.raw, 2), EVIDENCE_LABEL[phone.kind]),
        reason: judged.reason,
        value: phone.e164,
      });
    }
    return occurrences;
  },
};
