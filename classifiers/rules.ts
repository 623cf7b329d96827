import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** rules/: the data that decides (patterns, word lists, document types, policies). */
export const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

export class RuleError extends Error {
  constructor(file: string, message: string) {
    super(`rules/${file}: ${message}`);
    this.name = 'RuleError';
  }
}

/** Reads a JSON rule file and checks it with `check`, which throws a RuleError naming the field. */
export function loadRule<T>(file: string, check: (raw: Record<string, unknown>, field: FieldReader) => T): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(RULES_DIR + file, 'utf8'));
  } catch (error) {
    throw new RuleError(file, `cannot be read: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RuleError(file, 'must hold a JSON object');
  return check(raw as Record<string, unknown>, fieldReader(file, raw as Record<string, unknown>));
}

export interface FieldReader {
  string(key: string): string;
  number(key: string, min?: number, max?: number): number;
  strings(key: string): string[];
  optionalStrings(key: string): string[];
  object(key: string): Record<string, unknown>;
}

function fieldReader(file: string, raw: Record<string, unknown>): FieldReader {
  const fail = (key: string, what: string): never => {
    throw new RuleError(file, `field "${key}" ${what}`);
  };
  return {
    string(key) {
      const v = raw[key];
      return typeof v === 'string' && v.length > 0 ? v : fail(key, 'must be a non-empty string');
    },
    number(key, min = -Infinity, max = Infinity) {
      const v = raw[key];
      return typeof v === 'number' && v >= min && v <= max ? v : fail(key, `must be a number in [${min}, ${max}]`);
    },
    strings(key) {
      const v = raw[key];
      return Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string')
        ? (v as string[])
        : fail(key, 'must be a non-empty list of strings');
    },
    optionalStrings(key) {
      return raw[key] === undefined ? [] : this.strings(key);
    },
    object(key) {
      const v = raw[key];
      return typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : fail(key, 'must be an object');
    },
  };
}
