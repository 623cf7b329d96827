import { ConnectorError } from '../connector.ts';
import { isGraphError } from '../graph/graph-error.ts';

/**
 * A Graph failure in the connector contract's terms, so the scan and the purge job act on `code` whatever the
 * source. Anything else (throttling that outlasted the retries, a 500) stays a GraphError: the scan stops there.
 */
export function connectorErrorOf(error: unknown): unknown {
  if (!isGraphError(error)) return error;
  if (error.status === 404 || error.status === 410) return new ConnectorError('not-found', 'no longer in the source');
  if (error.status === 412) return new ConnectorError('version-conflict', 'changed since it was classified');
  if (error.status === 423) return new ConnectorError('locked', 'locked or checked out in the source');
  if (error.status === 401 || error.status === 403) return new ConnectorError('access-denied', `the app may not do this (${error.code})`);
  return error;
}

/** Runs a Graph call and rethrows its failure in connector terms. */
export async function asConnector<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw connectorErrorOf(error);
  }
}

/** Graph ids go into URL paths; percent-encoding keeps a strange one from changing the path. */
export const seg = (id: string) => encodeURIComponent(id);

/**
 * Resource units of a delta request (GRAPH.md §3): a link carrying a delta or skip token lists changes (1); one
 * without lists everything (2).
 */
export const deltaCost = (url: string) => (/[?&](token|\$skiptoken|\$deltatoken)=/.test(url) ? 1 : 2);
