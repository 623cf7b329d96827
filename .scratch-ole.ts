import { readFileSync } from 'node:fs';
import { readOle } from './src/extract/ole.ts';
for (const f of process.argv.slice(2)) {
  const o = readOle(readFileSync(f));
  console.log(f, o.rootNames.slice(0, 40).join(','));
  console.log(o.entries.filter(e=>e.type===1).map(e=>e.name).join(','));
}
