import { createWorker, OEM, PSM } from 'tesseract.js';
import { readFileSync } from 'node:fs';
const w = await createWorker('nld+eng', OEM.LSTM_ONLY, { cacheMethod: 'none', gzip: true, langPath: '/tmp/tessdata' });
for (const f of process.argv.slice(2)) {
  const img = readFileSync(f);
  let t = Date.now();
  const r = await w.recognize(img, {}, { text: true, blocks: true });
  console.log(f, Date.now() - t);
  const lines = r.data.blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  const mrz = lines.filter((l) => /[<K«]{3}/.test(l.text.replace(/\s/g, '')) || /^[A-Z0-9<]{28,}$/.test(l.text.replace(/\s/g,'')));
  for (const l of mrz) console.log(JSON.stringify(l.text), l.bbox, l.confidence);
  if (!mrz.length) continue;
  const x0 = Math.min(...mrz.map((l) => l.bbox.x0)), y0 = Math.min(...mrz.map((l) => l.bbox.y0));
  const x1 = Math.max(...mrz.map((l) => l.bbox.x1)), y1 = Math.max(...mrz.map((l) => l.bbox.y1));
  const pad = Math.round((y1 - y0) / 4);
  for (const psm of [PSM.SINGLE_BLOCK, PSM.SPARSE_TEXT]) {
  t = Date.now();
  const r2 = await w.recognize(img, { rectangle: { left: Math.max(0, x0 - pad), top: Math.max(0, y0 - pad), width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad },
    tessedit_char_whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<', tessedit_pageseg_mode: psm }, { text: true });
  console.log('psm', psm, Date.now() - t, r2.data.confidence, JSON.stringify(r2.data.text));
  }
}
await w.terminate();
