import { describe, expect, it } from 'vitest';
import { bewaarder } from '../support/cli.ts';

describe('bewaarder classify on PDFs and scans', () => {
  it('prints one JSON line per file, errors included, nothing else on stdout, and exits when done', () => {
    const files = ['hostile/versleuteld.pdf', 'hostile/kapot.pdf', 'hostile/afgebroken.png', 'hostile/pdf-met-txt-naam.txt', 'formats/scan-brief.pdf'];
    const started = Date.now();
    const run = bewaarder(['classify', '--json', ...files.map((f) => `fixtures/${f}`)]);
    // OCR and the sandbox run in worker threads: a worker left running would keep the CLI alive until the timeout.
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(run.code).toBe(1); // some could not be read
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const [encrypted, corrupt, cutOff, renamed, scan] = lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(encrypted).toEqual({ path: 'fixtures/hostile/versleuteld.pdf', error: 'encrypted' });
    expect(corrupt).toEqual({ path: 'fixtures/hostile/kapot.pdf', error: 'corrupt: not a readable PDF' });
    expect(cutOff).toEqual({ path: 'fixtures/hostile/afgebroken.png', error: 'corrupt: the image could not be decoded' });
    expect(renamed).toMatchObject({ format: 'pdf', label: 'bijzonder' });
    expect(scan).toMatchObject({ format: 'pdf', label: 'bijzonder', warnings: [expect.stringMatching(/^page 1 read by OCR/)] });
    expect(run.stdout + run.stderr).not.toMatch(/123456782|NL91 ?ABNA|Wit-Bakker/);
  });
});
