import type { Attachment, MessageJson } from './message.ts';

/**
 * A message JSON as an RFC 5322 .eml: body, file attachments (base64), attached messages as message/rfc822 parts,
 * reference attachments as a line in the body (they carry no content). Used to check the manifest with
 * `bewaarder classify`, which reads an .eml the way the mail connector hands a message over.
 */
export function toEml(message: MessageJson, read: (path: string) => Uint8Array, loadMessage: (path: string) => MessageJson, depth = 0): string {
  const boundary = `----=_deel_${depth}_${message.subject.length}`;
  const addr = (a: { name: string; address: string }) => `"${a.name}" <${a.address}>`;
  const encodeHeader = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`);
  const head = [
    `From: ${addr(message.from)}`,
    `To: ${message.to.map(addr).join(', ')}`,
    ...(message.cc.length ? [`Cc: ${message.cc.map(addr).join(', ')}`] : []),
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${new Date(message.receivedDateTime).toUTCString()}`,
    'MIME-Version: 1.0',
  ];
  const links = message.attachments.filter((a): a is Extract<Attachment, { reference: string }> => 'reference' in a);
  const bodyType = message.body.contentType === 'html' ? 'text/html' : 'text/plain';
  const bodyText = message.body.content + links.map((l) => (bodyType === 'text/html' ? `<p>${l.name}: ${l.reference}</p>` : `\n${l.name}: ${l.reference}`)).join('');
  const bodyPart = [`Content-Type: ${bodyType}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64(Buffer.from(bodyText))].join('\r\n');
  const parts = [bodyPart];
  for (const a of message.attachments) {
    if ('file' in a) {
      parts.push([`Content-Type: ${a.contentType}; name="${encodeHeader(a.name)}"`, `Content-Disposition: attachment; filename="${encodeHeader(a.name)}"`, 'Content-Transfer-Encoding: base64', '', base64(Buffer.from(read(a.file)))].join('\r\n'));
    } else if ('message' in a) {
      parts.push(['Content-Type: message/rfc822', `Content-Disposition: attachment; filename="${encodeHeader(a.name)}.eml"`, '', toEml(loadMessage(a.message), read, loadMessage, depth + 1)].join('\r\n'));
    }
  }
  return [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts.map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`, ''].join('\r\n');
}

const base64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');
