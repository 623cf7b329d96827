import { describe, expect, it } from 'vitest';
import { XmlFormatError, xmlToText } from '../../src/extract/xml-text.ts';
import { WORD_TEXT } from '../../src/extract/extractors/docx.ts';

describe('XML to text', () => {
  it('keeps only run text in OOXML, with paragraphs, tabs, breaks and table rows', () => {
    const xml =
      '<w:hdr xmlns:w="x"><w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>Naam:</w:t><w:tab/><w:t xml:space="preserve">A. de Vries</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>BSN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>111222333</w:t></w:r></w:p><w:p><w:r><w:t>(geverifieerd)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:t>regel 1</w:t><w:br/><w:t>regel 2</w:t></w:r></w:p></w:hdr>';
    expect(xmlToText(xml, WORD_TEXT)).toBe('Naam:\tA. de Vries\nBSN\t111222333 (geverifieerd)\nregel 1\nregel 2');
  });

  it('decodes XML entities but never expands a DOCTYPE\'s own', () => {
    const xml = '<!DOCTYPE w:p [<!ENTITY a "hahaha"><!ENTITY b "&a;&a;&a;">]><w:p><w:r><w:t>&lt;T&amp;O&gt; &#233;&#xE9; &b;</w:t></w:r></w:p>';
    expect(xmlToText(xml, WORD_TEXT)).toBe('<T&O> éé &b;');
  });

  it('skips comments, processing instructions and CDATA outside text, and refuses unbalanced XML', () => {
    expect(xmlToText('<?xml version="1.0"?><!-- <w:t>nee</w:t> --><w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>', WORD_TEXT)).toBe('a<b');
    expect(() => xmlToText('<w:p><w:r><w:t>afgebroken', WORD_TEXT)).toThrow(XmlFormatError);
    expect(() => xmlToText('<w:p><w:t>x</w:p></w:t>', WORD_TEXT)).toThrow('mismatched end tag');
    expect(() => xmlToText('<w:p a=">', WORD_TEXT)).toThrow('unterminated tag');
  });
});
