import { extract as registryExtract } from '../../../src/extract/registry.ts';
import type { Extraction, ExtractionLimits } from '../../../src/extract/types.ts';

/**
 * The registry's `extract` with misbehaving parsers in front, for the sandbox tests (loaded inside a sandbox
 * worker by URL): a name containing `spin` never returns (a busy loop), `crash` throws outside any promise,
 * `hog` allocates until the heap cap is hit. Anything else is extracted for real.
 */
export async function extract(bytes: Uint8Array, name: string, limits: ExtractionLimits): Promise<Extraction> {
  if (name.includes('spin')) for (;;);
  if (name.includes('crash')) {
    setImmediate(() => {
      throw new Error('parser crashed');
    });
    return new Promise(() => {});
  }
  if (name.includes('hog')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i * 1.5));
  }
  return registryExtract(bytes, name, limits);
}
