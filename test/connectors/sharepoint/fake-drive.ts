import { createHash } from 'node:crypto';
import type { Handler } from './fake-graph.ts';

interface Node {
  id: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  bytes: Uint8Array;
  etag: number;
  deleted: boolean;
  locked: boolean;
  fields: Record<string, unknown>;
}

/**
 * One drive as Graph's delta shows it, small enough to reason about in a test: pages of `pageSize` that repeat the
 * previous page's last item, deletions as `{id, deleted}`, no paths (parent ids only), a 410 with Location after
 * `expire()`. Mutations by path, as a user would make them.
 */
export function createFakeDrive(driveId = 'D', pageSize = 2) {
  const nodes = new Map<string, Node>([['root', { id: 'root', name: 'root', parentId: null, folder: true, bytes: new Uint8Array(), etag: 1, deleted: false, locked: false, fields: {} }]]);
  const log: { seq: number; id: string }[] = [];
  let seq = 0;
  let epoch = 0;
  let nextId = 1;
  const columns: string[] = [];
  const touch = (id: string) => log.push({ seq: ++seq, id });
  const live = () => [...nodes.values()].filter((n) => !n.deleted);
  const pathOf = (n: Node): string => (n.parentId === null ? '' : `${pathOf(nodes.get(n.parentId)!)}/${n.name}`.replace(/^\//, ''));
  const byPath = (path: string) => live().find((n) => pathOf(n) === path);
  function folderFor(path: string): string {
    let parent = 'root';
    for (const part of path.split('/').slice(0, -1)) {
      const existing = live().find((n) => n.folder && n.parentId === parent && n.name === part);
      if (existing) parent = existing.id;
      else {
        const id = `F${nextId++}`;
        nodes.set(id, { id, name: part, parentId: parent, folder: true, bytes: new Uint8Array(), etag: 1, deleted: false, locked: false, fields: {} });
        touch(id);
        parent = id;
      }
    }
    return parent;
  }
  const hash = (b: Uint8Array) => createHash('sha1').update(b).digest('base64');
  const json = (n: Node) =>
    n.deleted
      ? { id: n.id, deleted: {}, parentReference: { driveId } }
      : {
          id: n.id,
          name: n.name,
          eTag: `"{${n.id}},${n.etag}"`,
          lastModifiedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, n.etag)).toISOString(),
          size: n.bytes.length,
          parentReference: { driveId, ...(n.parentId ? { id: n.parentId } : {}) },
          ...(n.parentId === null ? { root: {} } : {}),
          ...(n.folder ? { folder: { childCount: 0 } } : { file: { hashes: { quickXorHash: hash(n.bytes) } }, '@microsoft.graph.downloadUrl': `https://download.test/dl/${n.id}/${n.etag}` }),
        };
  const link = (f: number, u: number | 'now', c: number, e: number, l: string) => `https://graph.test/v1.0/drives/${driveId}/root/delta?token=${f}.${u}.${c}.${e}.${l}`;

  const handler: Handler = (req) => {
    const base = `/drives/${driveId}`;
    if (req.path === `${base}/root/delta`) {
      // token f.u.c.e.l: changes after f up to u ("now" in a delta link), resuming after change c, epoch e, last id l.
      const parts = (req.query.get('token') ?? `0.${seq}.0.${epoch}.`).split('.');
      const [f, u, c, e] = parts.slice(0, 4).map((x) => (x === 'now' ? seq : Number(x))) as [number, number, number, number];
      const l = parts[4] ?? '';
      if (e < epoch) return { status: 410, body: { error: { code: 'resyncChangesApplyDifferences' } }, headers: { location: link(0, seq, 0, epoch, '') } };
      const latest = new Map<string, number>();
      for (const ch of log) if (ch.seq > f && ch.seq <= u) latest.set(ch.id, ch.seq);
      const order = [...latest.entries()].filter(([id]) => !(f === 0 && nodes.get(id)!.deleted)).sort((a, b) => a[1] - b[1]);
      if (f === 0 && c === 0) order.unshift(['root', 0]);
      const rest = order.filter(([id, at]) => at > c || (id === 'root' && c === 0));
      const slice = rest.slice(0, pageSize);
      const repeat = l && nodes.has(l) && !(f === 0 && nodes.get(l)!.deleted) ? [l] : [];
      const value = [...repeat, ...slice.map(([id]) => id)].map((id) => json(nodes.get(id)!));
      const more = rest.length > pageSize;
      const lastSeen = slice.at(-1);
      return { status: 200, body: { value, ...(more ? { '@odata.nextLink': link(f, u, lastSeen![1], e, lastSeen![0]) } : { '@odata.deltaLink': link(u, 'now', 0, e, '') }) } };
    }
    const children = new RegExp(`^${base}/items/([^/]+)/children$`).exec(req.path);
    if (children) return { status: 200, body: { value: live().filter((n) => n.parentId === children[1]).map(json) } };
    const dl = /^\/dl\/([^/]+)\/(\d+)$/.exec(req.path);
    if (dl) {
      const n = nodes.get(dl[1]!);
      return n && !n.deleted && n.etag === Number(dl[2]) ? { status: 200, body: n.bytes } : { status: 404, body: { error: { code: 'itemNotFound' } } };
    }
    const m = new RegExp(`^${base}/items/([^/]+)(/content|/listItem/fields)?$`).exec(req.path);
    const n = m ? nodes.get(m[1]!) : undefined;
    if (m && (!n || n.deleted)) return { status: 404, body: { error: { code: 'itemNotFound' } } };
    if (n && m?.[2] === '/content') return { status: 200, body: n.bytes };
    if (n && m?.[2] === '/listItem/fields') {
      if (req.method === 'PATCH') {
        if (!['BewaarderLabel', 'BewaarderType', 'BewaarderBewarenTot'].every((c) => columns.includes(c))) return { status: 400, body: { error: { code: 'invalidRequest' } } };
        Object.assign(n.fields, req.body as object);
        n.etag++;
        touch(n.id);
      }
      return { status: 200, body: n.fields };
    }
    if (n && req.method === 'DELETE') {
      if (req.headers?.['If-Match'] !== `"{${n.id}},${n.etag}"`) return { status: 412, body: { error: { code: 'preconditionFailed' } } };
      if (n.locked) return { status: 423, body: { error: { code: 'resourceLocked' } } };
      n.deleted = true;
      touch(n.id);
      return { status: 204 };
    }
    if (req.path === `${base}/list/columns`) {
      if (req.method === 'POST') columns.push((req.body as { name: string }).name);
      return { status: req.method === 'POST' ? 201 : 200, body: { value: columns.map((name) => ({ name })) } };
    }
    return undefined;
  };

  return {
    handler,
    columns,
    put(path: string, content: string) {
      const bytes = new TextEncoder().encode(content);
      const existing = byPath(path);
      if (existing) Object.assign(existing, { bytes, etag: existing.etag + 1 });
      else {
        const id = `I${nextId++}`;
        nodes.set(id, { id, name: path.split('/').pop()!, parentId: folderFor(path), folder: false, bytes, etag: 1, deleted: false, locked: false, fields: {} });
      }
      touch(byPath(path)!.id);
    },
    move(from: string, to: string) {
      const n = byPath(from)!;
      Object.assign(n, { name: to.split('/').pop()!, parentId: folderFor(to), etag: n.etag + 1 });
      touch(n.id);
    },
    renameFolder(path: string, name: string) {
      const n = byPath(path)!;
      Object.assign(n, { name, etag: n.etag + 1 });
      touch(n.id);
    },
    remove(path: string) {
      const n = byPath(path)!;
      n.deleted = true;
      touch(n.id);
    },
    lock(path: string) {
      byPath(path)!.locked = true;
    },
    idOf: (path: string) => byPath(path)?.id,
    expire() {
      epoch++;
    },
  };
}
