import type { EventDate } from '../../retention/store.ts';
import type { Hold, HoldScope } from '../../retention/types.ts';
import { opt } from './schedules.ts';

export type HoldRow = { id: number; scope: string; placed_by: string; placed_at: string; comment: string | null;
  released_by: string | null; released_at: string | null; release_comment: string | null };

export function holdOf(r: HoldRow): Hold {
  return {
    id: r.id, scope: JSON.parse(r.scope) as HoldScope, placedBy: r.placed_by, placedAt: r.placed_at,
    ...opt(r.comment, 'comment'), ...opt(r.released_by, 'releasedBy'), ...opt(r.released_at, 'releasedAt'),
    ...opt(r.release_comment, 'releaseComment'),
  } as Hold;
}

export type EventDateRow = { id: number; document_id: number | null; source_id: number | null; prefix: string | null;
  event: string | null; date: string; actor: string; at: string; comment: string | null };

export function eventDateOf(r: EventDateRow): EventDate {
  return { id: r.id, ...opt(r.document_id, 'documentId'), ...opt(r.source_id, 'sourceId'), ...opt(r.prefix, 'prefix'),
    ...opt(r.event, 'event'), date: r.date, actor: r.actor, at: r.at, ...opt(r.comment, 'comment') };
}
