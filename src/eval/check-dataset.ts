/**
 * Validates the hand-annotated evaluation set fixtures/eval/categories.jsonl (or a path given as argument).
 * Run: `npx tsx src/eval/check-dataset.ts [path]`. Exits 1 when any check fails.
 *
 * Checks per line: valid JSON object; fields id/text/categories/label/note with the right types; id a unique
 * short slug; categories known and not repeated; label derived from the categories (bijzonder > generiek > geen).
 * Checks on the fictional identifiers (checksums only, no detectors): every IBAN-shaped token in any text passes
 * mod-97, and every item annotated `bsn` holds at least one 9-digit number that passes the 11-test.
 * Checks on the whole set: ≥ 150 items, ≥ 6 positive items per category, ≥ 50 items without any category.
 * Prints the counts per category and label.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elevenTest, ibanValid } from '../../classifiers/checksums.ts';

const CATEGORIES = [
  'person-name', 'email', 'phone', 'address', 'date-of-birth', 'iban', 'bsn', 'id-document', 'health',
  'ethnicity', 'political', 'religion', 'trade-union', 'genetic', 'biometric', 'sexual-orientation', 'criminal',
  'credentials', 'financial', 'ip-address',
] as const;
type Category = (typeof CATEGORIES)[number];

const SPECIAL: ReadonlySet<string> = new Set([
  'bsn', 'id-document', 'health', 'ethnicity', 'political', 'religion', 'trade-union', 'genetic', 'biometric',
  'sexual-orientation', 'criminal',
]);
const LABELS = ['geen', 'generiek', 'bijzonder'] as const;
type Label = (typeof LABELS)[number];

const MIN_ITEMS = 150;
const MIN_POSITIVES_PER_CATEGORY = 6;
const MIN_NEGATIVES = 50;

export function expectedLabel(categories: readonly string[]): Label {
  if (categories.some((c) => SPECIAL.has(c))) return 'bijzonder';
  return categories.length > 0 ? 'generiek' : 'geen';
}

/** IBAN-shaped tokens, also written in groups of four (NL91 ABNA 0417 1643 00). */
function ibanCandidates(text: string): string[] {
  const re = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
  return [...text.matchAll(re)]
    .map((m) => m[0].replace(/ /g, ''))
    // IBANs are at least 15 characters; a Dutch one is NL + 2 digits + 4-letter bank code + 10 digits. This keeps
    // BTW-ids (NL008123456B01) out.
    .filter((s) => s.length >= 15 && (!s.startsWith('NL') || /^NL\d{2}[A-Z]{4}\d{10}$/.test(s)));
}

/** 9-digit numbers, plain or written with dots/spaces (1234.56.782, 123.456.782, 123 456 782). */
function nineDigitNumbers(text: string): string[] {
  const re = /(?<![\dA-Z])\d(?:[ .]?\d){8}(?![\dA-Z])/g;
  return [...text.matchAll(re)].map((m) => m[0].replace(/[ .]/g, ''));
}

interface Item {
  id: string;
  text: string;
  categories: string[];
  label: string;
  note: string;
}

export function checkDataset(path: string): { errors: string[]; items: Item[] } {
  const errors: string[] = [];
  const items: Item[] = [];
  const seen = new Map<string, number>();
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();

  lines.forEach((line, index) => {
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push(`${where}: not valid JSON (${(error as Error).message})`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${where}: not a JSON object`);
      return;
    }
    const o = value as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => !['id', 'text', 'categories', 'label', 'note'].includes(k));
    if (extra.length) errors.push(`${where}: unknown field(s) ${extra.join(', ')}`);

    const { id, text, categories, label, note } = o;
    if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 60) {
      errors.push(`${where}: id must be a short lowercase slug, got ${JSON.stringify(id)}`);
      return;
    }
    const at = `${where} (${id})`;
    if (seen.has(id)) errors.push(`${at}: duplicate id, first on line ${seen.get(id)}`);
    else seen.set(id, index + 1);
    if (typeof text !== 'string' || text.trim() === '') errors.push(`${at}: text must be a non-empty string`);
    if (typeof note !== 'string' || note.trim() === '') errors.push(`${at}: note must be a non-empty string`);
    if (!Array.isArray(categories) || categories.some((c) => typeof c !== 'string')) {
      errors.push(`${at}: categories must be an array of strings`);
      return;
    }
    const cats = categories as string[];
    for (const c of cats) {
      if (!(CATEGORIES as readonly string[]).includes(c)) errors.push(`${at}: unknown category ${JSON.stringify(c)}`);
    }
    if (new Set(cats).size !== cats.length) errors.push(`${at}: repeated category`);
    if (typeof label !== 'string' || !(LABELS as readonly string[]).includes(label)) {
      errors.push(`${at}: label must be one of ${LABELS.join('|')}, got ${JSON.stringify(label)}`);
    } else if (label !== expectedLabel(cats)) {
      errors.push(`${at}: label ${label} does not match categories [${cats.join(', ')}] → ${expectedLabel(cats)}`);
    }
    if (typeof text === 'string') {
      for (const iban of ibanCandidates(text)) {
        if (!ibanValid(iban)) errors.push(`${at}: IBAN-shaped token ${iban} fails mod-97`);
      }
      if (cats.includes('bsn') && !nineDigitNumbers(text).some((n) => elevenTest(n))) {
        errors.push(`${at}: annotated bsn but no 9-digit number passes the 11-test`);
      }
    }
    if (typeof text === 'string' && typeof note === 'string' && typeof label === 'string') {
      items.push({ id, text, categories: cats, label, note });
    }
  });

  if (items.length < MIN_ITEMS) errors.push(`set: ${items.length} items, need at least ${MIN_ITEMS}`);
  for (const c of CATEGORIES) {
    const n = items.filter((i) => i.categories.includes(c)).length;
    if (n < MIN_POSITIVES_PER_CATEGORY) errors.push(`set: category ${c} has ${n} positive items, need ${MIN_POSITIVES_PER_CATEGORY}`);
  }
  const negatives = items.filter((i) => i.categories.length === 0).length;
  if (negatives < MIN_NEGATIVES) errors.push(`set: ${negatives} items without categories, need ${MIN_NEGATIVES}`);
  return { errors, items };
}

function main(): void {
  const defaultPath = fileURLToPath(new URL('../../fixtures/eval/categories.jsonl', import.meta.url));
  const path = process.argv[2] ?? defaultPath;
  const { errors, items } = checkDataset(path);

  const perCategory = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
  for (const item of items) for (const c of item.categories) {
    if (perCategory.has(c as Category)) perCategory.set(c as Category, perCategory.get(c as Category)! + 1);
  }
  const perLabel = new Map<string, number>(LABELS.map((l) => [l, 0]));
  for (const item of items) perLabel.set(item.label, (perLabel.get(item.label) ?? 0) + 1);

  console.log(`${path}: ${items.length} items`);
  console.log(`labels: ${[...perLabel].map(([l, n]) => `${l} ${n}`).join(', ')}`);
  console.log(`negatives (no category): ${items.filter((i) => i.categories.length === 0).length}`);
  console.log('positive items per category:');
  for (const [c, n] of perCategory) console.log(`  ${c.padEnd(20)} ${n}`);

  if (errors.length) {
    console.error(`\n${errors.length} problem(s):`);
    for (const e of errors) console.error(`  ${e}`);
    process.exitCode = 1;
  } else {
    console.log('\nOK');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
