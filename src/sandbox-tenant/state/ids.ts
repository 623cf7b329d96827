import { createHash } from 'node:crypto';

/**
 * Stable ids derived from a path or name (tenant-contract.md): a restart gives the same ids, so saved cursors and
 * manifests stay valid. The shapes follow what Graph returns, so a crawler cannot rely on a simpler format.
 */
function digest(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

export function guidFrom(...parts: string[]): string {
  const h = digest(...parts).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A drive id looks like `b!` + base64url (SharePoint/OneDrive for Business). */
export function driveIdFrom(...parts: string[]): string {
  return `b!${digest('drive', ...parts).subarray(0, 48).toString('base64url')}`.slice(0, 66);
}

/** Drive item ids are 34 characters of upper-case base32-like text on OneDrive for Business. */
export function itemIdFrom(...parts: string[]): string {
  return `01${digest('item', ...parts).toString('hex').toUpperCase().slice(0, 32)}`;
}

/** Outlook ids are long base64 strings starting with AAMk. */
export function outlookIdFrom(...parts: string[]): string {
  return `AAMkA${digest('outlook', ...parts).toString('base64url')}${digest('outlook2', ...parts).toString('base64url').slice(0, 40)}`;
}

export function shortHash(...parts: string[]): string {
  return digest(...parts).toString('base64url').slice(0, 22);
}
