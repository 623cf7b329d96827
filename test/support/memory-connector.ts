import { ConnectorError, type Connector, type Item, type ItemLabels, type Page } from '../../connectors/connector.ts';

/**
 * A source in memory with a *delta* listing, the way Graph lists a drive: a first enumeration lists everything and
 * ends with a delta cursor; from that cursor an enumeration lists only what changed since, with deletions in
 * `removed`. It runs the connector conformance suite, and lets the scan be tested against a delta source before
 * the Graph connectors exist.
 */
export interface MemorySource {
  connector: Connector;
  put(location: string, content: string | Uint8Array): void;
  move(from: string, to: string): void;
  remove(location: string): void;
}

interface Entry {
  id: string;
  location: string;
  bytes: Uint8Array;
  version: number;
  modified: string;
  labels?: ItemLabels;
}

type Cursor = { full: true; upto: number; after: string } | { full: false; since: number; upto: number; offset: number };

export function createMemorySource(): MemorySource {
  const entries = new Map<string, Entry>();
  const changes: { seq: number; id: string }[] = [];
  let seq = 0;
  let nextId = 1;
  let clock = Date.parse('2026-01-01T00:00:00Z');

  const byLocation = (location: string) => [...entries.values()].find((e) => e.location === location);
  const changed = (id: string) => changes.push({ seq: ++seq, id });
  const itemOf = (e: Entry): Item => ({
    id: e.id,
    name: e.location.split('/').pop()!,
    location: e.location,
    size: e.bytes.length,
    version: `v${e.version}`,
    modified: e.modified,
    ...(e.labels ? { labels: e.labels } : {}),
  });
  function current(item: Item): Entry {
    const e = entries.get(item.id);
    if (!e) throw new ConnectorError('not-found', 'gone');
    return e;
  }

  const connector: Connector = {
    source: { kind: 'memory', root: 'test' },
    listing: 'delta',
    capabilities: { delete: true, writeLabel: true },
    async *enumerate(raw, options = {}): AsyncGenerator<Page> {
      const size = options.pageSize ?? 100;
      const cursor: Cursor = raw ? (JSON.parse(raw) as Cursor) : { full: true, upto: seq, after: '' };
      if (cursor.full) {
        const all = [...entries.values()].filter((e) => e.location > cursor.after).sort((a, b) => (a.location < b.location ? -1 : 1));
        for (let i = 0; i < all.length || i === 0; i += size) {
          const items = all.slice(i, i + size).map(itemOf);
          const last = i + size >= all.length;
          const next: Cursor = last ? { full: false, since: cursor.upto, upto: cursor.upto, offset: 0 } : { ...cursor, after: items.at(-1)!.location };
          yield { items, nextCursor: JSON.stringify(next), last };
        }
        return;
      }
      const upto = cursor.offset === 0 ? seq : cursor.upto;
      const ids = [...new Set(changes.filter((c) => c.seq > cursor.since && c.seq <= upto).map((c) => c.id))];
      for (let i = cursor.offset; i < ids.length || i === cursor.offset; i += size) {
        const slice = ids.slice(i, i + size);
        const last = i + size >= ids.length;
        const next: Cursor = last ? { full: false, since: upto, upto, offset: 0 } : { full: false, since: cursor.since, upto, offset: i + size };
        yield {
          items: slice.flatMap((id) => (entries.has(id) ? [itemOf(entries.get(id)!)] : [])),
          removed: slice.filter((id) => !entries.has(id)),
          nextCursor: JSON.stringify(next),
          last,
        };
      }
    },
    async fetch(item, options = {}) {
      const e = current(item);
      if (e.bytes.length > (options.maxBytes ?? Infinity)) throw new ConnectorError('too-large', 'too large');
      return { bytes: e.bytes.slice(), version: `v${e.version}` };
    },
    async delete(item, version) {
      const e = current(item);
      if (`v${e.version}` !== version) throw new ConnectorError('version-conflict', 'changed');
      entries.delete(e.id);
      changed(e.id);
    },
    async writeLabel(item, labels) {
      current(item).labels = labels;
    },
  };

  return {
    connector,
    put(location, content) {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const e = byLocation(location);
      clock += 1000;
      if (e) Object.assign(e, { bytes, version: e.version + 1, modified: new Date(clock).toISOString() });
      else {
        const id = `m${nextId++}`;
        entries.set(id, { id, location, bytes, version: 1, modified: new Date(clock).toISOString() });
      }
      changed(byLocation(location)!.id);
    },
    move(from, to) {
      const e = byLocation(from)!;
      e.location = to;
      changed(e.id);
    },
    remove(location) {
      const e = byLocation(location)!;
      entries.delete(e.id);
      changed(e.id);
    },
  };
}
