import type { WebStore } from '../web-store.ts';
import type { Db } from './open.ts';
import { webAccountMethods } from './web-accounts.ts';
import { webDocumentMethods } from './web-documents.ts';

/** The web application's part of the SQLite store (migration step 3). */
export function webMethods(db: Db): WebStore {
  return { ...webAccountMethods(db), ...webDocumentMethods(db) };
}
