import type { SandboxContext } from '../context.ts';
import { graphError } from '../http/reply.ts';
import type { Scripts } from '../http/scripts.ts';
import { verifyToken } from '../http/tokens.ts';
import type { Reply } from '../http/types.ts';
import { liveItem } from '../state/drives.ts';
import type { StatsRecorder } from '../throttle/stats.ts';
import type { Throttle } from '../throttle/throttle.ts';

/**
 * GET /download/<sig>: the pre-authenticated URL behind @microsoft.graph.downloadUrl and the 302 of …/content.
 * The signature is the authentication, so a request that also sends Authorization is refused, as SharePoint does.
 */
export function serveDownload(context: SandboxContext, throttle: Throttle, stats: StatsRecorder, clientId: string, sig: string, headers: Record<string, string>, scripts: Scripts, receivedAt: number): Reply {
  if (headers['authorization']) return graphError(401, 'InvalidAuthenticationToken', 'A pre-authenticated download URL must be requested without an Authorization header.');
  const token = verifyToken<{ d: string; i: string; x: number }>(context.secret, sig);
  if (!token) return graphError(401, 'InvalidAuthenticationToken', 'The download URL is not valid.');
  if (token.x < Date.now()) return graphError(401, 'InvalidAuthenticationToken', 'The download URL has expired.');
  const scripted = scripts.take({ method: 'GET', path: '/download/' });
  if (scripted) return scripted;
  const verdict = throttle.admit({ clientId, cost: 1, method: 'GET', path: '/download/…', key: `GET /download/${sig}`, receivedAt });
  if (!verdict.ok) return verdict.reply;
  verdict.release();
  stats.current.downloads++;
  const drive = context.tenant.drives.get(token.d);
  const item = drive ? liveItem(drive, token.i) : undefined;
  if (!item || item.folder) return graphError(404, 'itemNotFound', 'The item was not found.');
  const bytes = item.content ? item.content() : Buffer.alloc(0);
  return { status: 200, headers: { 'Content-Type': item.mimeType ?? 'application/octet-stream', ...verdict.headers }, raw: bytes };
}
