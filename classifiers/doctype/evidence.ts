import { CATEGORIES, type Category, type Finding } from '../../src/types.ts';
import { RuleError } from '../rules.ts';

/**
 * What a document type needs besides its wording (rules/doctypes.json "requires"). The cue words of some types name
 * a topic that documents *about* it share: a folder on applying for a passport or a law text on the VOG says
 * "paspoort" and "verklaring omtrent het gedrag" as often as the copy or the certificate itself. Only the form of
 * the document tells them apart: a copy of an ID shows a document number, an MRZ or the fields of a data page; a
 * VOG names its person, or (a VOG for a company, a blank application form) has the fields that hold them.
 */
export interface Requirement {
  /** A decisive finding of one of these categories is evidence. */
  findings: Category[];
  /**
   * A match of one of these patterns (case-insensitive, ^ and $ at line ends) is evidence too: the form of the
   * document when its values do not make a finding (a blank form, an OCR scan whose check digits fail).
   */
  forms: RegExp[];
  /**
   * A finding whose occurrences are all bare values (document numbers: no MRZ, no data page) is evidence only while
   * they hold at most this many distinct values: a copy shows one person's document (front and back repeat its
   * number), a table of many document numbers is a register of them. The forms still count.
   */
  distinctAtMost?: number;
  /** The evidence in words, for the reason. */
  what: string;
}

export function readRequirement(raw: unknown, where: string): Requirement | undefined {
  if (raw === undefined) return undefined;
  const fail = (what: string): never => {
    throw new RuleError('doctypes.json', `${where}.requires${what}`);
  };
  const r = raw as Record<string, unknown>;
  const list = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
  const count = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v > 0);
  if (typeof r !== 'object' || r === null || !list(r.findings) || !list(r.forms) || !count(r.distinctAtMost) || typeof r.what !== 'string') {
    fail(' must be { findings?: [categories], forms?: [patterns], distinctAtMost?: number, what: string }');
  }
  const findings = (r.findings ?? []) as string[];
  const unknown = findings.find((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknown) fail(`.findings: unknown category "${unknown}"`);
  const forms = ((r.forms ?? []) as string[]).map((p) => {
    try {
      return new RegExp(p, 'im');
    } catch (error) {
      return fail(`.forms: ${(error as Error).message}`);
    }
  });
  return { findings: findings as Category[], forms, distinctAtMost: r.distinctAtMost as number | undefined, what: r.what as string };
}

/** Whether the text and its (decisive) findings hold the evidence the requirement asks for. */
export function meetsRequirement(r: Requirement, text: string, findings: readonly Finding[]): boolean {
  const isEvidence = (f: Finding) => r.findings.includes(f.category) && (r.distinctAtMost === undefined || distinctValues(f, text) <= r.distinctAtMost);
  return findings.some(isEvidence) || r.forms.some((form) => form.test(text));
}

/**
 * How many distinct bare values a finding's occurrences hold (case aside); one when an occurrence is more than a
 * bare value (an MRZ, a data page: the layout of the document itself) or the finding is a part's, whose text is not
 * at hand.
 */
export function distinctValues(f: Finding, text: string): number {
  if (f.part !== undefined) return 1;
  const values = new Set<string>();
  for (const s of f.spans) {
    const value = text.slice(s.start, s.end);
    if (/[\s<]/.test(value)) return 1;
    values.add(value.toUpperCase());
  }
  return values.size;
}
