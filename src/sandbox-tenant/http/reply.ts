import { randomUUID } from 'node:crypto';
import type { Reply } from './types.ts';

/** Graph's error shape: {"error":{"code","message","innerError":{"request-id","date"}}}. */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  const reply: Reply = {
    status,
    body: { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString().slice(0, 19) } } },
  };
  if (headers) reply.headers = headers;
  return reply;
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export const noContent: Reply = { status: 204 };

export const notFound = (what = 'The resource could not be found.'): Reply => graphError(404, 'itemNotFound', what);

export function parseJsonBody(body: Buffer): Record<string, unknown> | undefined {
  if (!body.length) return {};
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const badJson = (): Reply => graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
