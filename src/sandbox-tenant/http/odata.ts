/** $select as a set of top-level property names ('content.downloadUrl' kept whole). Undefined: no $select. */
export function selectOf(query: URLSearchParams): Set<string> | undefined {
  const raw = query.get('$select');
  if (!raw) return undefined;
  return new Set(raw.split(',').map((s) => s.trim()).filter(Boolean));
}

/** Keeps the selected properties; `id`, annotations (`@…`) and the `deleted`/`@removed` markers always stay. */
export function project(entity: Record<string, unknown>, select: Set<string> | undefined): Record<string, unknown> {
  if (!select) return entity;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key === 'id' || key.startsWith('@') || key === 'deleted' || select.has(key)) out[key] = value;
  }
  return out;
}

/** `Prefer: odata.maxpagesize=50, IdType="ImmutableId"` → the named preference's value. */
export function preference(headers: Record<string, string>, name: string): string | undefined {
  const prefer = headers['prefer'];
  if (!prefer) return undefined;
  for (const part of prefer.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key?.toLowerCase() === name.toLowerCase()) return value?.replace(/^"|"$/g, '') ?? '';
  }
  return undefined;
}

export function wantsImmutableIds(headers: Record<string, string>): boolean {
  return preference(headers, 'IdType')?.toLowerCase() === 'immutableid';
}

export function collection(context: string, value: unknown[], links: Record<string, string | undefined> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': context, value };
  for (const [key, link] of Object.entries(links)) if (link) body[key] = link;
  return body;
}
