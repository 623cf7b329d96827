import { timingSafeEqual } from 'node:crypto';
import { ControlError, type SandboxControl } from '../control.ts';
import { graphError, json, noContent, parseJsonBody } from '../http/reply.ts';
import type { Reply } from '../http/types.ts';

const OPERATIONS = new Set(['drives', 'itemId', 'addFile', 'changeFile', 'moveFile', 'deleteFile', 'lockItem', 'addMessage', 'changeMessage',
  'moveMessage', 'deleteMessage', 'expireDeltaTokens', 'script', 'clearScripts', 'resetStats', 'assignAppRoles', 'signInFault']);

/**
 * POST /_sandbox/{operation} with a JSON body = control.{operation}(body); GET /_sandbox/stats. Needs the header
 * X-Sandbox-Secret. File content travels as `content` (text) or `contentBase64`; a script's `path` is a substring.
 */
export function handleControl(control: SandboxControl, stats: () => unknown, secret: string, method: string, path: string, headers: Record<string, string>, body: Buffer): Reply {
  const given = Buffer.from(headers['x-sandbox-secret'] ?? '');
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return graphError(401, 'Unauthorized', 'The control endpoint needs X-Sandbox-Secret.');
  const operation = path.slice('/_sandbox/'.length);
  if (method === 'GET' && operation === 'stats') return json(stats());
  if (method !== 'POST' || !OPERATIONS.has(operation)) return graphError(404, 'itemNotFound', `No control operation '${operation}'.`);
  const args = parseJsonBody(body);
  if (!args) return graphError(400, 'BadRequest', 'The body must be a JSON object.');
  if (typeof args['contentBase64'] === 'string') args['content'] = Buffer.from(args['contentBase64'], 'base64');
  if (Array.isArray(args['attachments'])) {
    for (const a of args['attachments'] as Record<string, unknown>[]) if (typeof a['contentBase64'] === 'string') a['content'] = Buffer.from(a['contentBase64'], 'base64');
  }
  try {
    const result = (control[operation as keyof SandboxControl] as (a: unknown) => unknown)(args);
    return result === undefined ? noContent : json(result);
  } catch (error) {
    if (error instanceof ControlError) return graphError(400, 'BadRequest', error.message);
    throw error;
  }
}
