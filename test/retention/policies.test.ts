import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCTYPES } from '../../classifiers/doctype/doctypes.ts';
import { addDuration, loadPolicies, parseDuration, PolicyError } from '../../src/retention/index.ts';
import { retentionForFile } from '../../src/retention/contract.ts';
import { LABELS } from '../../src/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'bewaarder-policies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('retention policies', () => {
  const defaults = loadPolicies({ env: {} });

  it('give every document type, under every label, a policy with a legal ground naming its law', () => {
    for (const type of DOCTYPES.byId.keys()) {
      for (const label of LABELS) {
        const policy = defaults.policyFor(type, label);
        expect(policy.ground, `${type}/${label}`).toMatch(/\b(art\.|AWR|AVG|Wet|Burgerlijk Wetboek|Archiefwet|NVP)/);
        expect(parseDuration(policy.term), `${type}/${label}`).toBeDefined();
      }
    }
  });

  it('carry the Dutch terms DOMAIN.md names', () => {
    const of = (type: string, label: 'geen' | 'generiek' | 'bijzonder' = 'generiek') => defaults.policyFor(type, label);
    expect(of('factuur')).toMatchObject({ term: 'P7Y', ground: expect.stringContaining('art. 52') });
    expect(of('loonstrook', 'bijzonder')).toMatchObject({ term: 'P7Y' });
    expect(of('kopie-legitimatie', 'bijzonder')).toMatchObject({ term: 'P5Y', trigger: 'event:end-of-employment', ground: expect.stringContaining('Wet op de loonbelasting') });
    expect(of('cv-sollicitatie')).toMatchObject({ term: 'P4W', trigger: 'event:end-of-procedure', ground: expect.stringContaining('1 jaar') });
    expect(of('arbeidsovereenkomst')).toMatchObject({ term: 'P2Y', trigger: 'event:end-of-employment' });
    expect(of('medische-brief', 'bijzonder')).toMatchObject({ id: 'medisch-dossier', term: 'P20Y', ground: expect.stringContaining('7:454') });
    // The most specific policy wins: a manual is kept as a business document, unless it holds personal data.
    expect(of('handleiding', 'geen').id).toBe('bedrijfsdocument');
    expect(of('handleiding', 'bijzonder')).toMatchObject({ id: 'bijzondere-gegevens-overig', stages: ['recordmanager', 'fg'] });
  });

  it('are overridden by an organisation file, merged by id and checked the same way', () => {
    const own = file('own.json', { policies: [
      { id: 'sollicitatie', name: 'Sollicitaties (met toestemming)', documentTypes: ['cv-sollicitatie'], term: 'P1Y', trigger: 'event:end-of-procedure', action: 'delete', ground: 'Met toestemming van de kandidaat tot 1 jaar (AVG art. 6 lid 1a; NVP Sollicitatiecode).' },
      { id: 'offertes', name: 'Offertes', documentTypes: ['offerte'], term: 'P1Y', trigger: 'created', action: 'review', ground: 'Niet-aanvaarde offertes: geen grond om langer te bewaren (AVG art. 5 lid 1e).' },
    ] });
    const merged = loadPolicies({ env: { BEWAARDER_RETENTION_FILE: own } });
    expect(merged.policyFor('cv-sollicitatie', 'generiek')).toMatchObject({ term: 'P1Y' });
    // A new policy as specific as a default (offerte is also under "overeenkomst") wins: it is the organisation's.
    expect(merged.policyFor('offerte', 'generiek').id).toBe('offertes');
    expect(merged.policyFor('contract', 'generiek').id).toBe('overeenkomst');
    expect(merged.policies.filter((p) => p.id === 'sollicitatie')).toHaveLength(1);
    expect(merged.fingerprint).not.toBe(defaults.fingerprint);
  });

  it('refuse a file with mistakes, naming each policy and field', () => {
    const bad = file('bad.json', { policies: [
      { id: 'x', name: 'X', documentTypes: ['facturen'], term: '7 jaar', trigger: 'einde', action: 'weg', ground: 'kort', grond: 'typo' },
    ] });
    let error: unknown;
    try {
      loadPolicies({ env: { BEWAARDER_RETENTION_FILE: bad } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    const problems = (error as PolicyError).problems;
    expect(problems).toEqual(expect.arrayContaining([
      'policy "x": unknown field "grond" (known: id, name, documentTypes, labels, term, trigger, action, stages, ground, examples)',
      'policy "x": "documentTypes": "facturen" is not a document type in rules/doctypes.json',
      'policy "x": "term" must be an ISO 8601 duration such as P7Y, P6M, P4W or P30D (got "7 jaar")',
      'policy "x": "trigger" must be created, modified or event:<name> (e.g. event:end-of-employment)',
      'policy "x": "action" must be delete or review',
      'policy "x": "ground" must give the legal ground in words, with the article or law',
    ]));
    expect(() => loadPolicies({ file: file('broken.json', '{ "policies": [') })).toThrow(/not valid JSON/);
    expect(() => loadPolicies({ file: join(dir, 'missing.json') })).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('refuse a set that leaves a type and label without a policy', () => {
    const only = file('only.json', { policies: [
      { id: 'facturen', name: 'Facturen', documentTypes: ['factuur'], term: 'P7Y', trigger: 'created', action: 'review', ground: 'Fiscale bewaarplicht (AWR art. 52 lid 4).' },
    ] });
    expect(() => loadPolicies({ defaults: only, env: {} })).toThrow(/no policy for type "offerte" labelled geen/);
  });

  it('count terms in calendar days, clamped to the end of a month', () => {
    expect(addDuration('2025-03-03', 'P7Y')).toBe('2032-03-03');
    expect(addDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
    expect(addDuration('2025-01-31', 'P1M')).toBe('2025-02-28');
    expect(addDuration('2025-03-01', 'P4W')).toBe('2025-03-29');
    expect(addDuration('2025-12-30', 'P1Y6M3D')).toBe('2027-07-03');
    for (const bad of ['P', 'P7', '7Y', 'PT5H', 'P1.5Y', 'P-1D']) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('fill the classify contract from the file date, or name the event it waits for', () => {
    expect(retentionForFile({ documentType: 'factuur', label: 'generiek' }, new Date('2026-11-20T23:30:00Z'), defaults)).toEqual({ policy: 'fiscale-administratie', disposeAfter: '2033-11-20' });
    expect(retentionForFile({ documentType: 'cv-sollicitatie', label: 'generiek' }, '2026-01-01T00:00:00Z', defaults)).toEqual({ policy: 'sollicitatie', needsTrigger: 'end-of-procedure' });
  });
});
