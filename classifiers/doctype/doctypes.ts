import { CATEGORIES, LABELS, type Category, type Label } from '../../src/types.ts';
import { loadRule, RuleError } from '../rules.ts';
import { readRequirement, type Requirement } from './evidence.ts';
import { readMoneyTableRule, type MoneyTableRule } from './money-table.ts';

/** A document type (soort document) and the label its class implies, from rules/doctypes.json. */
export interface DocumentType {
  id: string;
  name: string;
  defaultLabel: Label;
  ground: string;
  cues: string[];
  /** Evidence the type needs besides its cue words (classifiers/doctype/evidence.ts); absent: none. */
  requires?: Requirement;
  /**
   * A document of this type is about one person (a CV, a payslip, an appraisal): a special-category term in it is
   * about the person it names even where no name stands nearby (classifiers/label.ts, aboutTheDocumentsPerson).
   */
  aboutOnePerson?: boolean;
  /**
   * A text that opens with a delimited table (an export, a register) may be of this type by the text model alone: a
   * list of transactions, of open items. Other types need a cue word of their own there: rows of orders are no invoice,
   * rows of visitors no sick report (classifier.ts).
   */
  tables?: boolean;
  /** A delimited table with columns of amounts that no type's words or model fit is of this type (money-table.ts). */
  moneyTable?: MoneyTableRule;
}

export const DOCTYPES = loadRule('doctypes.json', (raw, f) => {
  const fallback = f.string('fallback');
  const mailType = f.string('mailType');
  const letterLines = f.number('letterLines', 2);
  if (!Array.isArray(raw.types)) throw new RuleError('doctypes.json', 'field "types" must be a list');
  const types = (raw.types as Record<string, unknown>[]).map((t, i): DocumentType => {
    const where = `types[${i}]`;
    for (const key of ['id', 'name', 'ground'] as const) {
      if (typeof t[key] !== 'string' || !t[key]) throw new RuleError('doctypes.json', `${where}.${key} must be a string`);
    }
    if (!LABELS.includes(t.defaultLabel as Label)) {
      throw new RuleError('doctypes.json', `${where}.defaultLabel must be one of ${LABELS.join(', ')}`);
    }
    if (!Array.isArray(t.cues) || !t.cues.every((c) => typeof c === 'string')) {
      throw new RuleError('doctypes.json', `${where}.cues must be a list of strings`);
    }
    for (const flag of ['aboutOnePerson', 'tables'] as const) {
      if (t[flag] !== undefined && typeof t[flag] !== 'boolean') throw new RuleError('doctypes.json', `${where}.${flag} must be true or false`);
    }
    return { ...(t as unknown as DocumentType), requires: readRequirement(t.requires, where), moneyTable: readMoneyTableRule(t.moneyTable, where) };
  });
  const manyPersons = readManyPersons(raw.manyPersons, 'manyPersons');
  const registerOfPersons = readManyPersons(raw.registerOfPersons, 'registerOfPersons');
  const byId = new Map(types.map((t) => [t.id, t]));
  if (byId.size !== types.length) throw new RuleError('doctypes.json', 'document type ids must be unique');
  if (!byId.has(fallback)) throw new RuleError('doctypes.json', `fallback "${fallback}" is not a type`);
  if (!byId.has(mailType)) throw new RuleError('doctypes.json', `mailType "${mailType}" is not a type`);
  return { fallback, mailType, letterLines, types, byId, manyPersons, registerOfPersons };
});

/**
 * When a text is about many persons: this many distinct values of these findings. A type about one person
 * (aboutOnePerson) does not fit such a text: rules/doctypes.json "manyPersons" when the text model alone gives the
 * type, "registerOfPersons" (identifiers a document about one person holds once, a BSN) whatever gives it.
 */
export interface ManyPersons {
  findings: Category[];
  distinct: number;
}

function readManyPersons(raw: unknown, key: string): ManyPersons | undefined {
  if (raw === undefined) return undefined;
  const r = raw as Record<string, unknown>;
  if (
    typeof r !== 'object' || r === null || !Array.isArray(r.findings) ||
    !r.findings.every((c) => (CATEGORIES as readonly unknown[]).includes(c)) || !Number.isInteger(r.distinct) || (r.distinct as number) < 2
  ) {
    throw new RuleError('doctypes.json', `${key} must be { findings: [categories], distinct: number (2 or more) }`);
  }
  return { findings: r.findings as Category[], distinct: r.distinct as number };
}

export function documentType(id: string): DocumentType {
  const type = DOCTYPES.byId.get(id);
  if (!type) throw new Error(`unknown document type "${id}"`);
  return type;
}
