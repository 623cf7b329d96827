import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';
import { createRetention } from '../../src/retention/index.ts';
import type { Retention } from '../../src/retention/index.ts';
import { scan } from '../../src/scan/scan.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { ROOT } from '../support/cli.ts';

export const KEY = new Uint8Array(32).fill(3);
/** The examples' files, written "in 2025"; the tests' clock stands in 2040, when every time-based term has run. */
export const WRITTEN = new Date('2025-03-03T10:00:00Z');
export const LATER = new Date('2040-01-01T09:00:00Z');

export interface World {
  dir: string;
  docs: string;
  db: string;
  store: Store;
  retention: Retention;
  connector: ReturnType<typeof createFilesystemConnector>;
  /** The document id of a file, by its location. */
  id(location: string): Promise<number>;
  rescan(): Promise<void>;
  close(): Promise<void>;
}

/**
 * fixtures/examples copied into a temporary folder, scanned with the real classifier into a fresh store:
 * factuur-zakelijk.md (factuur), kopie-id-mail.eml (kopie-legitimatie), personeelslijst.csv (overig, generiek),
 * privacyverklaring.html (privacyverklaring, geen), verzuim-brief.txt (correspondentie, bijzonder).
 */
export async function makeWorld(clock: () => Date = () => LATER): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-retention-'));
  const docs = join(dir, 'docs');
  cpSync(join(ROOT, 'fixtures/examples'), docs, { recursive: true });
  for (const name of ['factuur-zakelijk.md', 'kopie-id-mail.eml', 'personeelslijst.csv', 'privacyverklaring.html', 'verzuim-brief.txt']) {
    utimesSync(join(docs, name), WRITTEN, WRITTEN);
  }
  const db = join(dir, 'data', 'bewaarder.db');
  const store = openSqliteStore(db, { key: KEY });
  const connector = createFilesystemConnector(docs);
  await scan(connector, store, { actor: 'test' });
  const retention = createRetention(store, { clock });
  return {
    dir, docs, db, store, retention, connector,
    async id(location) {
      for await (const d of store.listDocuments()) if (d.location === location) return d.id;
      throw new Error(`no document at ${location}`);
    },
    async rescan() {
      await scan(connector, store, { actor: 'test' });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
