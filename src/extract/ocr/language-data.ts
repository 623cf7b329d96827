import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where tesseract.js finds its models: the npm packages @tesseract.js-data/nld and /eng (LSTM "best_int"), never the
 * CDN that tesseract.js falls back to when `langPath` is unset. tesseract.js reads `<langPath>/<lang>.traineddata.gz`
 * for every language from one folder, and the two packages are two folders, so a folder of links to both is made
 * once (in the OS temp folder, named after the files' identity so an upgrade gets a fresh one).
 */
export const OCR_LANGUAGES = 'nld+eng';
const MODEL = '4.0.0_best_int';
const require = createRequire(import.meta.url);

export function modelFile(lang: string): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL, `${lang}.traineddata.gz`);
}

let cached: string | undefined;
export function languageDir(): string {
  if (cached && existsSync(cached)) return cached;
  const files = OCR_LANGUAGES.split('+').map((lang) => ({ lang, file: modelFile(lang) }));
  const id = createHash('sha256')
    .update(files.map(({ file }) => `${file}:${statSync(file).size}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), `bewaarder-tessdata-${id}`);
  if (!files.every(({ lang }) => existsSync(join(dir, `${lang}.traineddata.gz`)))) {
    // Built beside and renamed into place, so a concurrent process never sees half a folder.
    const building = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    mkdirSync(building, { recursive: true });
    for (const { lang, file } of files) {
      const target = join(building, `${lang}.traineddata.gz`);
      try {
        symlinkSync(file, target);
      } catch {
        copyFileSync(file, target); // a file system without symlinks
      }
    }
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another process was first
    }
  }
  return (cached = dir);
}

/**
 * The options every OCR worker is created with. `cacheMethod: 'none'` because the default writes a copy of each
 * model into the current directory; `errorHandler` because without one tesseract.js throws a worker's error
 * from an event handler, which would take the whole process down.
 */
export function ocrWorkerOptions() {
  return {
    /** tesseract.js's worker script behind guards: no network, no console output (see the file). */
    workerPath: fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url)),
    langPath: languageDir(),
    gzip: true,
    cacheMethod: 'none',
    logger: () => {},
    errorHandler: () => {},
  };
}
