import { createHash } from 'node:crypto';
import type { AttachmentSpec, MailContent } from '../state/model.ts';

/**
 * Writes a message as MIME (RFC 5322 headers, RFC 2045–2047 bodies and encoded words, RFC 2231 file names), the
 * way GET /messages/{id}/$value returns it: the body, file attachments in base64, attached messages as
 * message/rfc822 parts (recursively). Reference attachments have no content and are left out, as Exchange does.
 */
const CRLF = '\r\n';

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** RFC 2047 encoded words of at most 75 characters, split on whole characters. */
export function encodeWords(text: string): string {
  if (isAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(`${CRLF} `);
}

function address(a: { name?: string; address: string }): string {
  if (!a.name) return `<${a.address}>`;
  const name = isAscii(a.name) ? `"${a.name.replace(/["\\]/g, '\\$&')}"` : encodeWords(a.name);
  return `${name} <${a.address}>`;
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

function dispositionName(kind: 'filename' | 'name', name: string): string {
  if (isAscii(name) && !/["\\]/.test(name)) return `${kind}="${name}"`;
  return `${kind}*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function rfc5322Date(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}

function attachmentPart(a: AttachmentSpec, depth: number): string | undefined {
  if (a.kind === 'reference') return undefined;
  if (a.kind === 'item') {
    const nested = writeMime(a.message(), { depth: depth + 1 });
    return [`Content-Type: message/rfc822`, `Content-Disposition: attachment; ${dispositionName('filename', `${a.name}.eml`)}`, 'Content-Transfer-Encoding: 7bit', '', nested.toString('utf8')].join(CRLF);
  }
  const disposition = a.isInline ? 'inline' : 'attachment';
  return [
    `Content-Type: ${a.contentType}; ${dispositionName('name', a.name)}`,
    `Content-Disposition: ${disposition}; ${dispositionName('filename', a.name)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(a.bytes()),
  ].join(CRLF);
}

export interface MimeMeta {
  internetMessageId?: string;
  depth?: number;
}

export function writeMime(content: MailContent, meta: MimeMeta = {}): Buffer {
  const depth = meta.depth ?? 0;
  const headers: string[] = [];
  if (content.from) headers.push(`From: ${address(content.from)}`);
  if (content.to.length) headers.push(`To: ${content.to.map(address).join(`,${CRLF} `)}`);
  if (content.cc.length) headers.push(`Cc: ${content.cc.map(address).join(`,${CRLF} `)}`);
  headers.push(`Subject: ${encodeWords(content.subject)}`);
  headers.push(`Date: ${rfc5322Date(content.receivedDateTime)}`);
  if (meta.internetMessageId) headers.push(`Message-ID: ${meta.internetMessageId}`);
  headers.push('MIME-Version: 1.0');
  const bodyType = content.body.contentType === 'html' ? 'text/html' : 'text/plain';
  const body = [`Content-Type: ${bodyType}; charset="utf-8"`, 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(content.body.content, 'utf8'))].join(CRLF);
  const parts = content.attachments.map((a) => attachmentPart(a, depth)).filter((p): p is string => p !== undefined);
  if (!parts.length) return Buffer.from([...headers, body].join(CRLF) + CRLF, 'utf8');
  const boundary = `----=_Part_${depth}_${createHash('sha1').update(content.subject + content.receivedDateTime + depth).digest('hex').slice(0, 16)}`;
  const lines = [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    ...[body, ...parts].map((p) => `--${boundary}${CRLF}${p}`),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join(CRLF), 'utf8');
}
