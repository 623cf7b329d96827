import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError, type Connector, type Item, type Page } from '../../connectors/connector.ts';

/**
 * What every connector must do, whatever the source: the filesystem connector runs it now
 * (filesystem.test.ts), the Graph connectors will run it against the sandbox tenant. A harness gives a connector
 * over an empty source and a way to change that source behind the connector's back.
 */
export interface ConnectorHarness {
  connector: Connector;
  /** Creates or overwrites a document at a location (`a/b.txt`), creating folders as needed. */
  put(location: string, content: string | Uint8Array): Promise<void>;
  /** Renames or moves a document. */
  move(from: string, to: string): Promise<void>;
  remove(location: string): Promise<void>;
  close(): Promise<void>;
}

async function collect(pages: AsyncIterable<Page>, stopAfter = Infinity): Promise<Page[]> {
  const out: Page[] = [];
  for await (const page of pages) {
    out.push(page);
    if (out.length >= stopAfter) break;
  }
  return out;
}

async function listAll(connector: Connector, pageSize?: number): Promise<Item[]> {
  const pages = await collect(connector.enumerate(null, pageSize ? { pageSize } : {}));
  expect(pages.at(-1)?.last).toBe(true);
  expect(pages.slice(0, -1).every((p) => !p.last)).toBe(true);
  return pages.flatMap((p) => p.items);
}

const byLocation = (items: Item[], location: string) => items.find((i) => i.location === location);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** Long enough for any file system's timestamp granularity, so a rewrite shows as a new version. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

export function connectorConformance(name: string, setup: () => Promise<ConnectorHarness>): void {
  describe(`Connector conformance: ${name}`, () => {
    let h: ConnectorHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.close();
    });

    it('lists every document once, with its metadata and nothing of its content', async () => {
      await h.put('brief.txt', 'Geachte heer Vermeulen, uw BSN is 111222333.');
      await h.put('map/notulen.txt', 'Notulen van de vergadering.');
      await h.put('map/diep/factuur.csv', 'a;b\n1;2\n');
      const items = await listAll(h.connector);
      expect(items.map((i) => i.location).sort()).toEqual(['brief.txt', 'map/diep/factuur.csv', 'map/notulen.txt']);
      expect(new Set(items.map((i) => i.id)).size).toBe(3);
      const brief = byLocation(items, 'brief.txt')!;
      expect(brief).toMatchObject({ name: 'brief.txt', size: 44 });
      expect(typeof brief.version).toBe('string');
      expect(new Date(brief.modified).toISOString()).toBe(brief.modified);
      expect(JSON.stringify(items)).not.toMatch(/111222333|Vermeulen|vergadering/);
    });

    it('lists an empty source as one last, empty page', async () => {
      const pages = await collect(h.connector.enumerate(null));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatchObject({ items: [], last: true });
    });

    it('resumes from any page cursor with exactly the documents not yet listed', async () => {
      for (let i = 0; i < 9; i++) await h.put(`${i % 2 ? 'a' : 'b'}/doc-${i}.txt`, `document ${i}`);
      const all = (await listAll(h.connector, 2)).map((i) => i.id);
      expect(all).toHaveLength(9);
      const pages = await collect(h.connector.enumerate(null, { pageSize: 2 }));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      let seen: string[] = [];
      for (const page of pages.slice(0, -1)) {
        seen = [...seen, ...page.items.map((i) => i.id)];
        const rest = (await collect(h.connector.enumerate(page.nextCursor, { pageSize: 2 }))).flatMap((p) => p.items.map((i) => i.id));
        expect([...seen, ...rest]).toEqual(all);
      }
    });

    it('resumes after a cursor whose document has gone since', async () => {
      for (const n of ['a', 'b', 'c', 'd']) await h.put(`${n}.txt`, n);
      const [first] = await collect(h.connector.enumerate(null, { pageSize: 2 }), 1);
      await h.remove(first!.items.at(-1)!.location);
      const rest = (await collect(h.connector.enumerate(first!.nextCursor, { pageSize: 2 }))).flatMap((p) => p.items);
      const firstIds = new Set(first!.items.map((i) => i.id));
      expect(rest.some((i) => firstIds.has(i.id))).toBe(false);
      // The page size is a hint (Graph pages as it likes): the rest is everything the first page did not hold.
      expect(rest).toHaveLength(4 - first!.items.length);
    });

    it('fetches the content, refuses what is too large, and says when a document is gone', async () => {
      await h.put('brief.txt', 'Beste Karin, tot morgen.');
      const [item] = await listAll(h.connector);
      const fetched = await h.connector.fetch(item!);
      expect(text(fetched.bytes)).toBe('Beste Karin, tot morgen.');
      expect(typeof fetched.version).toBe('string');
      await expect(h.connector.fetch(item!, { maxBytes: 10 })).rejects.toSatisfy((e) => isConnectorError(e, 'too-large'));
      await h.remove('brief.txt');
      await expect(h.connector.fetch(item!)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
    });

    it('keeps a document\'s id through a rename and a move, at its new location', async () => {
      await h.put('oud.txt', 'inhoud');
      const [before] = await listAll(h.connector);
      await h.move('oud.txt', 'nieuw.txt');
      await h.move('nieuw.txt', 'archief/2026/nieuw.txt');
      const [after] = await listAll(h.connector);
      expect(after).toMatchObject({ id: before!.id, name: 'nieuw.txt', location: 'archief/2026/nieuw.txt', size: before!.size });
      expect(text((await h.connector.fetch(after!)).bytes)).toBe('inhoud');
    });

    it('gives a document a new version when its content changes', async () => {
      await h.put('brief.txt', 'versie een');
      const [before] = await listAll(h.connector);
      await tick();
      await h.put('brief.txt', 'versie twee');
      const [after] = await listAll(h.connector);
      expect(after!.id).toBe(before!.id);
      expect(after!.version).not.toBe(before!.version);
    });

    it('shows a deletion: missing from a complete full listing, or reported in a delta listing', async () => {
      await h.put('blijft.txt', 'a');
      await h.put('weg.txt', 'b');
      const pages = await collect(h.connector.enumerate(null));
      const gone = byLocation(pages.flatMap((p) => p.items), 'weg.txt')!;
      await h.remove('weg.txt');
      if (h.connector.listing === 'full') {
        expect((await listAll(h.connector)).map((i) => i.location)).toEqual(['blijft.txt']);
      } else {
        const delta = await collect(h.connector.enumerate(pages.at(-1)!.nextCursor));
        expect(delta.flatMap((p) => p.removed ?? [])).toContain(gone.id);
      }
    });

    it('deletes only the version it was given', async () => {
      await h.put('brief.txt', 'een');
      const [old] = await listAll(h.connector);
      await tick();
      await h.put('brief.txt', 'twee, langer');
      if (!h.connector.capabilities.delete) {
        await expect(h.connector.delete(old!, old!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'unsupported'));
        return;
      }
      await expect(h.connector.delete(old!, old!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'version-conflict'));
      const [current] = await listAll(h.connector);
      expect(current!.id).toBe(old!.id);
      await h.connector.delete(current!, current!.version);
      expect(await listAll(h.connector)).toEqual([]);
      await expect(h.connector.delete(current!, current!.version)).rejects.toSatisfy((e) => isConnectorError(e, 'not-found'));
    });

    it('writes labels back where the source keeps them, and says so where it cannot', async () => {
      await h.put('brief.txt', 'een');
      const [item] = await listAll(h.connector);
      const labels = { label: 'bijzonder' as const, documentType: 'medische-brief' };
      if (!h.connector.capabilities.writeLabel) {
        await expect(h.connector.writeLabel(item!, labels)).rejects.toSatisfy((e) => isConnectorError(e, 'unsupported'));
        return;
      }
      await h.connector.writeLabel(item!, labels);
      await h.move('brief.txt', 'map/brief.txt');
      const [after] = await listAll(h.connector);
      expect(after!.labels).toEqual(labels);
    });
  });
}
