import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/extract/sandbox.ts';

describe('sandbox: classification next to the text', () => {
  const sandbox = createSandbox({ size: 1 });
  afterAll(() => sandbox.close());

  it('classifies in the worker and sends back only the masked classification, never the text', async () => {
    const letter = 'Geachte mevrouw De Vries,\n\nUw burgerservicenummer 1234.56.782 staat op uw loonstrook.\n';
    const result = await sandbox.classify(Buffer.from(letter), 'brief.txt');
    expect(result.label).toBe('bijzonder');
    expect(result.findings.find((f) => f.category === 'bsn')?.evidence).toBe('BSN: ****.**.782');
    expect(JSON.stringify(result)).not.toContain('1234.56.782');
    expect(JSON.stringify(result)).not.toContain('loonstrook.');
    expect('text' in result).toBe(false);
  });
});
