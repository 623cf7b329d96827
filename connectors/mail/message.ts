import { createHash } from 'node:crypto';
import type { Item, ItemLabels } from '../connector.ts';
import { LABELS, type Label } from '../../src/types.ts';
import { joinPath } from '../sharepoint/folder-tree.ts';

export interface GraphMessage {
  id: string;
  subject?: string | null;
  receivedDateTime?: string;
  sentDateTime?: string;
  lastModifiedDateTime?: string;
  hasAttachments?: boolean;
  internetMessageId?: string;
  bodyPreview?: string;
  categories?: string[];
  changeKey?: string;
  '@odata.etag'?: string;
  from?: { emailAddress?: { address?: string } };
  '@removed'?: { reason?: string };
}

export const MESSAGE_SELECT =
  'id,subject,receivedDateTime,sentDateTime,lastModifiedDateTime,hasAttachments,internetMessageId,bodyPreview,categories,changeKey';

/** Every Outlook request asks for immutable ids: they survive a move between folders (GRAPH.md §1). */
export const IMMUTABLE = 'IdType="ImmutableId"';

/** The category write-back puts on a message: `Bewaarder: bijzonder`. */
export const CATEGORY_PREFIX = 'Bewaarder: ';

/** A file name for the message: its subject, made safe, as an .eml (what `fetch` returns). */
export function messageName(subject: string | null | undefined): string {
  const clean = (subject ?? '').replace(/[\u0000-\u001f\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${clean || '(geen onderwerp)'}.eml`;
}

/**
 * A message as a document. Its version is the change key, which moves on any change — also on our own category
 * write; the content hash is taken from what a category write leaves alone (subject, dates, preview of the body,
 * attachments flag, Internet message id), so the scan sees such a message unchanged and does not read it again.
 */
export function messageItem(m: GraphMessage, folderPath: string, userId: string): Item {
  const name = messageName(m.subject);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([m.subject ?? '', m.receivedDateTime ?? '', m.sentDateTime ?? '', m.hasAttachments ?? false, m.internetMessageId ?? '', m.bodyPreview ?? '']))
    .digest('base64');
  const item: Item = {
    id: m.id,
    name,
    location: joinPath(folderPath, name),
    size: 0, // Graph does not give a message's size; the scan learns it from the MIME it reads
    version: m.changeKey ?? m['@odata.etag'] ?? m.lastModifiedDateTime ?? fingerprint,
    modified: new Date(m.lastModifiedDateTime ?? m.receivedDateTime ?? 0).toISOString(),
    owner: `user:${userId}`,
    contentHash: { algorithm: 'message-fields', value: fingerprint },
  };
  const labels = labelsOfCategories(m.categories);
  if (labels) item.labels = labels;
  return item;
}

function labelsOfCategories(categories: readonly string[] | undefined): ItemLabels | undefined {
  for (const c of categories ?? []) {
    if (!c.startsWith(CATEGORY_PREFIX)) continue;
    const label = c.slice(CATEGORY_PREFIX.length);
    if (LABELS.includes(label as Label)) return { label: label as Label };
  }
  return undefined;
}
