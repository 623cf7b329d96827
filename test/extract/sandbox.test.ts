import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyDocument } from '../../src/classify-document.ts';
import { createSandbox } from '../../src/extract/sandbox.ts';
import { ExtractionError } from '../../src/extract/types.ts';

const letter = new TextEncoder().encode('Geachte mevrouw De Vries,\n\nUw BSN is 111222333.\n');
const misbehaving = new URL('./support/test-extract.ts', import.meta.url);

describe('the extraction sandbox', () => {
  // One worker each, so the document after a failure is served by the replacement worker. The budget counts from
  // a worker's start, so a short one holds even on a busy machine.
  const sandbox = createSandbox({ size: 1, timeoutMs: 1_500, module: misbehaving });
  const capped = createSandbox({ size: 1, maxMemoryMb: 128, module: misbehaving });
  const plain = createSandbox({ size: 1 });
  afterAll(() => Promise.all([sandbox.close(), capped.close(), plain.close()]));

  it('stops a parser that never returns with a timeout, and reads the next document', async () => {
    const started = Date.now();
    const error = await sandbox.extract(letter, 'spin.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).reason).toBe("timeout: extraction took longer than 1.5 s");
    expect(Date.now() - started).toBeLessThan(10_000);
    const next = await classifyDocument(letter, 'brief.txt', { extraction: sandbox });
    expect(next.label).toBe('bijzonder');
  });

  it('survives a parser that crashes its thread', async () => {
    await expect(sandbox.extract(letter, 'crash.txt')).rejects.toMatchObject({ reason: 'corrupt: the extractor crashed on this file' });
    await expect(sandbox.extract(letter, 'brief.txt')).resolves.toMatchObject({ kind: 'text' });
  });

  it('caps the memory a document may take', async () => {
    await expect(capped.extract(letter, 'hog.txt')).rejects.toMatchObject({ reason: 'too large: extraction needed more than 128 MB' });
    await expect(capped.extract(letter, 'brief.txt')).resolves.toMatchObject({ kind: 'text' });
  });

  it('passes the registry\'s own reasons through unchanged', async () => {
    const encrypted = readFileSync(new URL('../../fixtures/hostile/versleuteld.pdf', import.meta.url));
    await expect(plain.extract(encrypted, 'versleuteld.pdf')).rejects.toMatchObject({ reason: 'encrypted' });
  });
});
