import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClassifyText } from '../../classifiers/classify-text.ts';
import { CATEGORIES, type Category, type Label } from '../types.ts';

/** One hand-annotated item of fixtures/eval/categories.jsonl: the categories a text really holds. */
export interface AnnotatedText {
  id: string;
  text: string;
  categories: Category[];
  label: Label;
}

export const CATEGORY_SET = fileURLToPath(new URL('../../fixtures/eval/categories.jsonl', import.meta.url));

export function loadAnnotated(file = CATEGORY_SET): AnnotatedText[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AnnotatedText);
}

export interface CategoryScore {
  perCategory: Map<Category, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  labelAccuracy: number;
  items: number;
  misses: { id: string; missing: Category[]; extra: Category[]; label: Label; expected: Label }[];
}

/** Document-level precision and recall per category: a category counts when a decisive finding names it. */
export function scoreCategories(classify: ClassifyText, items = loadAnnotated()): CategoryScore {
  const counts = new Map(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: CategoryScore['misses'] = [];
  let labelsRight = 0;
  for (const item of items) {
    const result = classify(item.text);
    const got = new Set(result.categories);
    const want = new Set(item.categories);
    for (const c of CATEGORIES) {
      const row = counts.get(c)!;
      if (got.has(c) && want.has(c)) row.tp++;
      else if (got.has(c)) row.fp++;
      else if (want.has(c)) row.fn++;
    }
    if (result.label === item.label) labelsRight++;
    const missing = [...want].filter((c) => !got.has(c));
    const extra = [...got].filter((c) => !want.has(c));
    if (missing.length || extra.length || result.label !== item.label) {
      misses.push({ id: item.id, missing, extra, label: result.label, expected: item.label });
    }
  }
  const perCategory = new Map(
    [...counts].map(([c, r]) => [
      c,
      { ...r, precision: r.tp + r.fp ? r.tp / (r.tp + r.fp) : 1, recall: r.tp + r.fn ? r.tp / (r.tp + r.fn) : 1 },
    ]),
  );
  return { perCategory, labelAccuracy: labelsRight / items.length, items: items.length, misses };
}
