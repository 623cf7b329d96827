import type { Faker } from '@faker-js/faker';
import { writeMsg } from '../../../src/tools/fixtures/msg-writer.ts';
import { type Doc, type MessageJson, plainText, toCsv, toDocx, toHtml, toMarkdown, toOdt, toPdf, toPptx, toRtf, toTxt, toXlsx } from './formats/index.ts';
import type { Staff } from './org.ts';
import type { Person } from './people.ts';

export type Label = 'geen' | 'generiek' | 'bijzonder';
export interface Expectation {
  label: Label;
  documentType?: string;
  why: string;
}

export type Format = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'rtf' | 'csv' | 'txt' | 'md' | 'html' | 'pdf' | 'msg';

/** Everything the generator writes: files by path under fixtures/tenant, and the manifest entries. */
export interface Tenant {
  faker: Faker;
  staff: Staff[];
  /** Employees without an account, tenants (huurders), applicants: the people the documents are about. */
  people: Person[];
  files: Map<string, Uint8Array>;
  manifest: Map<string, Expectation>;
  /** Every BSN and IBAN the generator printed, so the consistency test can check each one came from here. */
  identifiers: { bsn: Set<string>; iban: Set<string> };
}

export async function render(doc: Doc, format: Format): Promise<Uint8Array> {
  const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  switch (format) {
    case 'docx': return toDocx(doc);
    case 'xlsx': return toXlsx(doc);
    case 'pptx': return toPptx(doc);
    case 'odt': return toOdt(doc);
    case 'pdf': return toPdf(doc);
    case 'rtf': return text(toRtf(doc));
    case 'csv': return text(toCsv(doc));
    case 'md': return text(toMarkdown(doc));
    case 'html': return text(toHtml(doc));
    case 'txt': return text(toTxt(doc));
    case 'msg': throw new Error('use addMsg for Outlook messages');
  }
}

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
export { slug };

/** Adds a library or OneDrive document; its path is the manifest key. */
export async function addDoc(t: Tenant, folder: string, name: string, doc: Doc, format: Format, expect: Expectation): Promise<string> {
  const path = `${folder}/${name}.${format}`;
  addBytes(t, path, await render(doc, format), expect);
  return path;
}

export function addBytes(t: Tenant, path: string, bytes: Uint8Array, expect?: Expectation): void {
  if (t.files.has(path)) throw new Error(`duplicate fixture path ${path}`);
  t.files.set(path, bytes);
  if (expect) t.manifest.set(path, expect);
}

/** A saved Outlook message (.msg) as a file in a library. */
export function addMsg(t: Tenant, path: string, m: { subject: string; body: string; from: Person & { upn?: string }; to: { name: string; email: string }[]; sent: Date; attachments?: { name: string; mime: string; data: Uint8Array }[] }, expect?: Expectation): void {
  const from = { name: m.from.name, email: m.from.upn ?? m.from.privateMail };
  addBytes(t, path, writeMsg({ subject: m.subject, body: m.body, from, to: m.to, sent: m.sent, attachments: m.attachments ?? [] }), expect);
}

export function addMessage(t: Tenant, path: string, message: MessageJson, expect?: Expectation): void {
  addBytes(t, path, new Uint8Array(Buffer.from(`${JSON.stringify(message, null, 2)}\n`, 'utf8')), expect);
}

export const docText = (doc: Doc) => plainText(doc);
