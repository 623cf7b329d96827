import { decompressRTF } from '@kenjiuno/decompressrtf';
import msgreader, { type FieldsData } from '@kenjiuno/msgreader';
import { rtfToText } from '../rtf-text.ts';
import { embeddedParts } from '../embedded.ts';
import { ExtractionError, type ExtractedPart, type Extractor } from '../types.ts';
import { htmlToText } from './html.ts';

type MsgReaderClass = typeof import('@kenjiuno/msgreader').default;
// msgreader is CommonJS with an ES-style default export: Node's ESM loader hands over module.exports (the class on
// `.default`), bundlers' interop the class itself.
const MsgReader: MsgReaderClass = ((msgreader as { default?: MsgReaderClass }).default ?? msgreader) as MsgReaderClass;

const RECIPIENT_LABEL = { to: 'Aan', cc: 'Cc', bcc: 'Bcc' } as const;

function person(name: string | undefined, address: string | undefined): string {
  // Exchange-internal senders carry an X.500 path instead of an address: the name is what a person reads.
  const email = address && address.includes('@') ? address : undefined;
  if (name && email && name !== email) return `${name} <${email}>`;
  return name ?? email ?? '';
}

function bodyOf(fields: FieldsData): string {
  if (fields.body?.trim()) return fields.body;
  if (fields.bodyHtml) return htmlToText(fields.bodyHtml);
  if (fields.html) return htmlToText(new TextDecoder('utf-8').decode(fields.html));
  return '';
}

/**
 * Outlook messages (.msg) through msgreader: sender, recipients, subject and body, with every attachment extracted
 * as a part (`attachment:NAME`); an attached message (.msg in .msg) is extracted again, recursively.
 */
/** The text of a message body kept as compressed RTF ([MS-OXRTFCP]): decompressed, then read as RTF. */
export function rtfBody(compressed: Uint8Array): string {
  return rtfToText(Uint8Array.from(decompressRTF(Array.from(compressed)))).replace(/\r\n?/g, '\n');
}

export const msgExtractor: Extractor = {
  id: 'msg',
  kinds: ['msg'],
  async extract(bytes, context) {
    let reader: InstanceType<MsgReaderClass>;
    let fields: FieldsData;
    try {
      reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      fields = reader.getFileData();
    } catch {
      throw new ExtractionError('corrupt: the Outlook message cannot be read');
    }
    if (fields.error) throw new ExtractionError('corrupt: the Outlook message cannot be read');
    const header: string[] = [];
    const from = person(fields.senderName, fields.senderSmtpAddress ?? fields.senderEmail);
    if (from) header.push(`Van: ${from}`);
    for (const type of ['to', 'cc', 'bcc'] as const) {
      const list = (fields.recipients ?? []).filter((r) => (r.recipType ?? 'to') === type).map((r) => person(r.name, r.smtpAddress ?? r.email)).filter(Boolean);
      if (list.length) header.push(`${RECIPIENT_LABEL[type]}: ${list.join(', ')}`);
    }
    if (fields.subject) header.push(`Onderwerp: ${fields.subject}`);
    let body = bodyOf(fields).replace(/\r\n?/g, '\n');
    const warnings: string[] = [];
    if (!body.trim() && fields.compressedRtf) {
      // Outlook may keep the body only as compressed RTF (PidTagRtfCompressed).
      try {
        body = rtfBody(fields.compressedRtf);
      } catch {
        warnings.push('the body (compressed RTF) cannot be read');
      }
    }

    const parts: ExtractedPart[] = [];
    for (const [i, attachment] of (fields.attachments ?? []).entries()) {
      let file: { fileName: string; content: Uint8Array };
      const fallbackName = attachment.fileName ?? attachment.name ?? `bijlage-${i + 1}`;
      try {
        file = reader.getAttachment(attachment);
      } catch {
        parts.push({ path: `attachment:${fallbackName}`, kind: 'binary', text: '', error: 'corrupt: the attachment cannot be read' });
        continue;
      }
      const name = file.fileName || fallbackName;
      parts.push(...(await embeddedParts(context, file.content, name, `attachment:${name}`)));
    }
    return { text: `${header.join('\n')}\n\n${body}`.trim(), parts, warnings };
  },
};
