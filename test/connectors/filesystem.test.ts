import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isConnectorError, type Page } from '../../connectors/connector.ts';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';
import { connectorConformance } from './connector.conformance.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-fs-'));
  made.push(dir);
  return dir;
}

connectorConformance('filesystem', async () => {
  const base = tempFolder();
  const root = join(base, 'bron');
  mkdirSync(root);
  const at = (location: string) => join(root, ...location.split('/'));
  return {
    connector: createFilesystemConnector(root, { labelsFile: join(base, 'labels.json') }),
    async put(location, content) {
      mkdirSync(dirname(at(location)), { recursive: true });
      writeFileSync(at(location), content);
    },
    async move(from, to) {
      mkdirSync(dirname(at(to)), { recursive: true });
      renameSync(at(from), at(to));
    },
    async remove(location) {
      rmSync(at(location));
    },
    async close() {
      rmSync(base, { recursive: true, force: true });
    },
  };
});

async function pagesOf(iterable: AsyncIterable<Page>): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const p of iterable) pages.push(p);
  return pages;
}

describe('filesystem connector', () => {
  it('leaves out excluded paths and names (databases) and does not follow symbolic links', async () => {
    const root = tempFolder();
    mkdirSync(join(root, '.bewaarder'));
    writeFileSync(join(root, '.bewaarder', 'bewaarder.db'), 'x');
    writeFileSync(join(root, 'brief.txt'), 'x');
    symlinkSync('/etc', join(root, 'etc-link'));
    symlinkSync(join(root, 'brief.txt'), join(root, 'link.txt'));
    mkdirSync(join(root, 'map', '.bewaarder'), { recursive: true });
    writeFileSync(join(root, 'map', '.bewaarder', 'bewaarder.db.key'), 'ab');
    writeFileSync(join(root, 'resultaten.db'), 'x');
    const connector = createFilesystemConnector(root, { exclude: [join(root, 'resultaten.db')], excludeNames: ['.bewaarder'] });
    const items = (await pagesOf(connector.enumerate())).flatMap((p) => p.items);
    expect(items.map((i) => i.location)).toEqual(['brief.txt']);
  });

  it('reads a file written a moment ago with a version no listing shows, so the next scan reads it again', async () => {
    const root = tempFolder();
    writeFileSync(join(root, 'nieuw.txt'), 'net geschreven');
    writeFileSync(join(root, 'oud.txt'), 'al lang zo');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(root, 'oud.txt'), hourAgo, hourAgo);
    const connector = createFilesystemConnector(root);
    const [fresh, old] = (await pagesOf(connector.enumerate())).flatMap((p) => p.items);
    expect((await connector.fetch(fresh!)).version).not.toBe(fresh!.version);
    expect((await connector.fetch(old!)).version).toBe(old!.version);
  });

  it('starts over on a cursor it does not know, and reports a missing folder', async () => {
    const root = tempFolder();
    writeFileSync(join(root, 'a.txt'), 'a');
    const connector = createFilesystemConnector(root);
    expect((await pagesOf(connector.enumerate('{"v":99}'))).flatMap((p) => p.items)).toHaveLength(1);
    const missing = createFilesystemConnector(join(root, 'bestaat-niet'));
    await expect(pagesOf(missing.enumerate())).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
  });

  it('never reads or deletes outside its folder, whatever location an item claims', async () => {
    const root = tempFolder();
    writeFileSync(join(root, 'a.txt'), 'a');
    const connector = createFilesystemConnector(join(root));
    const [item] = (await pagesOf(connector.enumerate())).flatMap((p) => p.items);
    const escaping = { ...item!, location: '../../etc/passwd' };
    await expect(connector.fetch(escaping)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
    await expect(connector.delete(escaping, item!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
  });
});
