import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { cleanUp, tempDir } from './support.ts';

afterAll(cleanUp);

describe('connector state in the SQLite store (migration 4)', () => {
  it('keeps folder trees and write-back records per source, across a reopen', async () => {
    const path = join(tempDir(), 'b.db');
    const key = new Uint8Array(32).fill(2);
    let store = openSqliteStore(path, { key });
    const a = await store.source({ kind: 'sharepoint', root: 'drive-a' });
    const b = await store.source({ kind: 'mail', root: 'user-b' });
    await store.saveFolders(a, [{ id: 'r', parentId: null, name: '' }, { id: 'f1', parentId: 'r', name: 'Contracten' }, { id: 'f2', parentId: 'f1', name: '2026' }], []);
    await store.saveFolders(b, [{ id: 'inbox', parentId: 'root', name: 'Inbox' }], []);
    await store.saveFolders(a, [{ id: 'f2', parentId: 'r', name: '2026 (oud)' }], ['f1']);
    await store.recordWrittenLabels(a, 'item-1', '{"label":"bijzonder"}');
    await store.recordWrittenLabels(a, 'item-1', '{"label":"generiek"}');
    await store.close();

    store = openSqliteStore(path, { key });
    expect([...(await store.folders(a)).values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([
      { id: 'f2', parentId: 'r', name: '2026 (oud)' },
      { id: 'r', parentId: null, name: '' },
    ]);
    expect([...(await store.folders(b)).keys()]).toEqual(['inbox']);
    expect(await store.writtenLabels(a)).toEqual(new Map([['item-1', '{"label":"generiek"}']]));
    expect(await store.writtenLabels(b)).toEqual(new Map());
    await store.close();
  });
});
