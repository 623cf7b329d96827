import { simpleParser, type AddressObject } from 'mailparser';
import { htmlToText } from './html.ts';
import type { ExtractedPart, Extractor } from '../types.ts';
import { ExtractionError } from '../types.ts';

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/**
 * E-mail (.eml, RFC 822/MIME): the headers people write in (from, to, cc, subject), the body (plain, or HTML turned
 * to text), and every attachment extracted as a part of its own.
 */
export const emailExtractor: Extractor = {
  id: 'email',
  kinds: ['eml'],
  async extract(bytes, context) {
    let mail;
    try {
      mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextToHtml: true });
    } catch (error) {
      throw new ExtractionError(`corrupt: not a readable e-mail (${(error as Error).message})`);
    }
    const header = [
      ['Van', addresses(mail.from)],
      ['Aan', addresses(mail.to)],
      ['Cc', addresses(mail.cc)],
      ['Onderwerp', mail.subject ?? ''],
    ]
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    const body = mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html) : '');
    const parts: ExtractedPart[] = [];
    for (const [i, attachment] of (mail.attachments ?? []).entries()) {
      const name = attachment.filename ?? `attachment-${i + 1}`;
      const path = `attachment:${name}`;
      try {
        const inner = await context.extractEmbedded(attachment.content, name);
        parts.push({ path, kind: inner.kind, text: inner.text });
        for (const p of inner.parts) parts.push({ ...p, path: `${path}/${p.path}` });
      } catch (error) {
        parts.push({ path, kind: 'binary', text: '', error: (error as Error).message });
      }
    }
    return { text: `${header}\n\n${body}`, parts, warnings: [] };
  },
};
