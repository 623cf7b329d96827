import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bewaarder } from '../support/cli.ts';

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

describe('bewaarder classify', () => {
  it('prints one JSON line per document of the example folder, and nothing else on stdout', () => {
    const run = bewaarder(['classify', '--json', 'fixtures/examples']);
    expect(run.code).toBe(0);
    const docs = lines(run.stdout);
    expect(docs.map((d) => d.path.replace(/^fixtures\/examples\//, ''))).toEqual([
      'factuur-zakelijk.md', 'kopie-id-mail.eml', 'personeelslijst.csv', 'privacyverklaring.html', 'verzuim-brief.txt',
    ]);
    for (const d of docs) {
      expect(['geen', 'generiek', 'bijzonder']).toContain(d.label);
      expect(typeof d.documentType).toBe('string');
      for (const f of d.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['category', 'count', 'confidence', 'evidence']));
    }
  });

  it('labels the example documents the way a privacy officer would', () => {
    const byName = Object.fromEntries(lines(bewaarder(['classify', '--json', 'fixtures/examples']).stdout).map((d) => [d.path.split('/').pop(), d]));
    expect(byName['verzuim-brief.txt'].label).toBe('bijzonder');
    expect(byName['verzuim-brief.txt'].categories).toEqual(expect.arrayContaining(['bsn', 'iban']));
    expect(byName['kopie-id-mail.eml'].label).toBe('bijzonder'); // the attachment is an ID copy
    expect(byName['kopie-id-mail.eml'].findings.some((f: any) => f.category === 'id-document' && f.part === 'attachment:kopie-id.txt')).toBe(true);
    expect(byName['personeelslijst.csv'].label).toBe('generiek');
    expect(byName['factuur-zakelijk.md'].label).toBe('geen'); // between two companies
    expect(byName['factuur-zakelijk.md'].documentType).toBe('factuur');
    expect(byName['privacyverklaring.html'].label).toBe('geen'); // about health and BSNs, holds none
  });

  it("gives an e-mail without a type of its own its attachment's type, else correspondentie", () => {
    const run = bewaarder(['classify', '--json', 'fixtures/formats/mail']);
    const byName = Object.fromEntries(lines(run.stdout).map((d) => [d.path.split('/').pop(), d]));
    // A short English cover mail with the passport's data page attached: filed as the copy it carries.
    const passport = byName['paspoortkopie-onboarding.eml'];
    expect(passport).toMatchObject({ documentType: 'kopie-legitimatie', label: 'bijzonder' });
    expect(passport.reasons.documentType).toContain('attachment:passport_scan_ocr.txt is a kopie-legitimatie');
    // An automatic ticket confirmation has no letter's cue words, but a mail is correspondence by its form.
    const ticket = byName['ticketbevestiging-servicedesk.eml'];
    expect(ticket).toMatchObject({ documentType: 'correspondentie', label: 'geen' });
    expect(ticket.reasons.documentType).toContain('an e-mail whose text gives no other type');
    // The same text as a plain file is no mail: nothing makes it correspondence.
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-'));
    const body = readFileSync('fixtures/formats/mail/ticketbevestiging-servicedesk.eml', 'utf8').split('\n\n').slice(1).join('\n\n');
    writeFileSync(join(dir, 'ticket.txt'), body);
    expect(lines(bewaarder(['classify', '--json', dir]).stdout)[0]!.documentType).toBe('overig');
  });

  it('never prints a raw identifier', () => {
    const run = bewaarder(['classify', '--json', 'fixtures/examples']);
    const table = bewaarder(['classify', '--verbose', 'fixtures/examples']);
    for (const out of [run.stdout, run.stderr, table.stdout, table.stderr]) {
      expect(out).not.toMatch(/123456782|1234\.56\.782|NL91 ?ABNA|0417 ?1643|41234567|SPECI2021/);
      expect(out).not.toContain('f.elamrani@');
    }
  });

  it('gives an unreadable document its line with the reason and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bewaarder-'));
    writeFileSync(join(dir, 'a-leeg.txt'), '');
    writeFileSync(join(dir, 'b-binair.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x11, 0x00, 0x05]));
    writeFileSync(join(dir, 'c-brief.txt'), 'Geachte mevrouw De Vries,\n\nUw BSN is 111222333.\n');
    const run = bewaarder(['classify', '--json', dir, join(dir, 'bestaat-niet.txt')]);
    expect(run.code).toBe(1);
    const docs = lines(run.stdout);
    expect(docs).toHaveLength(4);
    expect(docs[0]).toMatchObject({ error: expect.stringContaining('empty') });
    expect(docs[1]).toMatchObject({ error: expect.stringContaining('unsupported') });
    expect(docs[2]).toMatchObject({ label: 'bijzonder' });
    expect(docs[3]).toMatchObject({ error: 'not found' });
  });

  it('explains itself in a readable table, and has --help', () => {
    const table = bewaarder(['classify', 'fixtures/examples/verzuim-brief.txt']);
    expect(table.stdout).toMatch(/^bijzonder\s+\S+\s+fixtures\/examples\/verzuim-brief.txt/m);
    expect(table.stdout).toContain('BSN: ****.**.782');
    const help = bewaarder(['classify', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: bewaarder classify');
  });

  it('rejects wrong usage with exit status 2 and the usage text', () => {
    const none = bewaarder(['classify']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name at least one file or folder');
    const unknown = bewaarder(['classify', '--frobnicate', 'x']);
    expect(unknown.code).toBe(2);
    expect(bewaarder(['nonsense']).code).toBe(2);
  });
});
