import { allDetectors } from '../../classifiers/detectors/index.ts';
const caps = new Set<string>();
for (const d of allDetectors) for (const l of d.wordLists ?? []) for (const w of l.words) if (/^[A-Z][A-Z0-9]+$/.test(w.replace(/^[!=]/, '').replace(/\*$/, ''))) caps.add(`${l.id}:${w}`);
console.log([...caps].join(' '));
