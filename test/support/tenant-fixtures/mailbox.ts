import { addBytes, addMessage, type Expectation, slug, type Tenant } from './builder.ts';
import type { Address, Attachment, MessageJson } from './formats/index.ts';
import type { Staff } from './org.ts';
import type { Person } from './people.ts';

export const addressOf = (p: Person & { upn?: string }): Address => ({ name: p.name, address: p.upn ?? p.privateMail });

export interface Mail {
  subject: string;
  from: Address;
  to: Address[];
  cc?: Address[];
  body: string;
  html?: boolean;
  attachments?: Attachment[];
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const counters = new Map<string, number>();

function json(m: Mail, at: Date): MessageJson {
  const body = m.html ? `<html><body>${m.body.split('\n\n').map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('')}</body></html>` : m.body;
  return { subject: m.subject, from: m.from, to: m.to, cc: m.cc ?? [], receivedDateTime: iso(at), body: { contentType: m.html ? 'html' : 'text', content: body }, attachments: m.attachments ?? [] };
}

/** Stores a message in a user's mail folder; the file name keeps messages in date order, as Outlook lists them. */
export function deliver(t: Tenant, owner: Staff, folder: string, m: Mail, at: Date, expect: Expectation): string {
  if (!owner.mailbox) throw new Error(`${owner.upn} has no mailbox`);
  const key = `${owner.local}/${folder}`;
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const path = `mail/${owner.local}/${folder}/${String(n).padStart(3, '0')}-${slug(m.subject) || 'bericht'}.json`;
  addMessage(t, path, json(m, at), expect);
  return path;
}

/** An attachment file under attachments/; the same file may be attached to several messages. */
export function attachFile(t: Tenant, name: string, contentType: string, bytes: Uint8Array): Attachment {
  const path = `attachments/${name}`;
  if (!t.files.has(path)) addBytes(t, path, bytes);
  return { name: name.split('/').pop()!, contentType, file: path };
}

/** An attached (forwarded) message under attachments/, same JSON shape, not a manifest entry of its own. */
export function attachMessage(t: Tenant, name: string, m: Mail, at: Date): Attachment {
  const path = `attachments/berichten/${slug(name)}.json`;
  addMessage(t, path, json(m, at));
  return { name, message: path };
}

export const reference = (name: string, url: string): Attachment => ({ name, reference: url });

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  msg: 'application/vnd.ms-outlook',
  zip: 'application/zip',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
