import { describe, expect, it } from 'vitest';
import { typeInContext } from '../../classifiers/doctype/context.ts';

const part = { path: 'paspoort.jpg', documentType: 'kopie-legitimatie', confidence: 0.8 };

describe('a document type in its context', () => {
  it('gives an e-mail without a type of its own its attachment\'s type', () => {
    const own = { documentType: 'overig', confidence: 0.1, reason: 'no cue words' };
    expect(typeInContext(own, { mail: true, partTypes: [part] }).documentType).toBe('kopie-legitimatie');
    expect(typeInContext(own, { mail: true }).documentType).toBe('correspondentie');
  });

  it('lets a type from the form alone (a greeting) give way to the attachment\'s', () => {
    const own = { documentType: 'correspondentie', confidence: 0.2, reason: 'greeting', byForm: true };
    expect(typeInContext(own, { mail: true, partTypes: [part] }).documentType).toBe('kopie-legitimatie');
    expect(typeInContext(own, { mail: true }).documentType).toBe('correspondentie');
  });

  it('keeps a type the text itself gives', () => {
    const own = { documentType: 'factuur', confidence: 0.7, reason: 'cue words' };
    expect(typeInContext(own, { mail: true, partTypes: [part] }).documentType).toBe('factuur');
  });
});
