import type { ScannedText } from '../text/scanned-text.ts';
import { mailboxesIn } from './email.ts';
import { namesAPerson } from './named-person.ts';

/** A web address (`www.kenniscentrum-oa.nl`, `https://…`): a publication of an organisation gives its site. */
const WEB_ADDRESS = /(?<![\w@.-])(?:https?:\/\/|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;

/** A detector's word list and the entries of it that mark a whole document as an organisation's (KvK, B.V., …). */
export interface DocumentMarkers {
  list: string;
  entries: ReadonlySet<string>;
}

/**
 * The document is an organisation's (a KvK or BTW number, a legal form, a role mailbox such as `onderzoek@`, a web
 * address) and names no person who could own a line (no name, no person's mailbox): a landline without context of its
 * own is then the organisation's. What marks the document, or undefined. Shared by the phone and address detectors, each
 * with its own word list.
 */
export function organisationWithoutPeople(text: ScannedText, markers: DocumentMarkers): string | undefined {
  return text.memo(`organisation-document:${markers.list}`, () => {
    const mailboxes = mailboxesIn(text);
    if (mailboxes.personal) return undefined;
    const marker = text.hits(markers.list).find((hit) => markers.entries.has(hit.entry));
    const mailbox = mailboxes.organisation;
    const organisation = marker ? `"${marker.entry}"`
      : mailbox ? (mailbox.endsWith('@') ? `its mailbox "${mailbox}"` : mailbox)
      : WEB_ADDRESS.test(text.text) ? 'a web address' : undefined;
    // The names last: finding them costs most, and a document nothing marks as an organisation's needs no answer.
    return organisation === undefined || namesAPerson(text) ? undefined : organisation;
  });
}
