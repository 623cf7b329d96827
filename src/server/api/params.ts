import { LABELS, type Label } from '../../types.ts';
import { badRequest } from '../http-error.ts';

/** Query and body values checked one by one, each failure a 400 that names the field. */
export function optionalString(value: unknown, name: string, max = 1000): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) throw badRequest(`"${name}" must be text of at most ${max} characters`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined {
  const s = optionalString(value, name);
  if (s === undefined) return undefined;
  if (!allowed.includes(s as T)) throw badRequest(`"${name}" must be one of ${allowed.join(', ')}`);
  return s as T;
}

export function label(value: unknown, name = 'label'): Label | undefined {
  return oneOf(value, LABELS, name);
}

export function integer(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw badRequest(`"${name}" must be a whole number from ${min} to ${max}`);
  return n;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** YYYY-MM-DD (or a full ISO time), checked to be a real date. */
export function date(value: unknown, name: string): string | undefined {
  const s = optionalString(value, name, 40);
  if (s === undefined) return undefined;
  if (!DATE.test(s) || Number.isNaN(Date.parse(s))) throw badRequest(`"${name}" must be a date, YYYY-MM-DD`);
  return s;
}

export function requiredDate(value: unknown, name: string): string {
  const d = date(value, name);
  if (!d) throw badRequest(`"${name}" is required (YYYY-MM-DD)`);
  return d;
}

export function idParam(value: unknown): number {
  const n = integer(value, 'id', 1, Number.MAX_SAFE_INTEGER);
  if (n === undefined) throw badRequest('"id" is required');
  return n;
}

/** A list of document ids in a body (bulk verbs): 1 to 500 of them. */
export function ids(value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 500) throw badRequest('"ids" must list 1 to 500 document ids');
  return value.map((v) => idParam(v));
}

export function comment(value: unknown): string | undefined {
  return optionalString(value, 'comment', 2000);
}
