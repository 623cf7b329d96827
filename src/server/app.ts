import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { auditRoutes } from './api/audit.ts';
import { classifyRoutes } from './api/classify.ts';
import { dispositionRoutes } from './api/disposition.ts';
import { documentRoutes } from './api/documents.ts';
import { reviewRoutes } from './api/reviews.ts';
import { scanRoutes } from './api/scans.ts';
import { statsRoutes } from './api/stats.ts';
import { authenticate } from './auth/authenticate.ts';
import { oidcRoutes } from './auth/oidc.ts';
import { sessionRoutes } from './auth/session-routes.ts';
import type { ServerContext } from './context.ts';
import { HttpError, notFound } from './http-error.ts';
import { openApiDocument } from './openapi.ts';
import { noStore, securityHeaders } from './security.ts';

export const UI_DIR = fileURLToPath(new URL('./ui/', import.meta.url));
const VERSION = '1';

/** One request per line: method, path without the query (a folder filter may name a person), status, time. */
function requestLog(log: (line: string) => void): RequestHandler {
  return function logRequest(req, res, next) {
    const start = performance.now();
    res.on('finish', () => log(`${req.method} ${req.path} ${res.statusCode} ${Math.round(performance.now() - start)} ms`));
    next();
  };
}

/** Errors as JSON `{ error: { code, message } }`; unexpected ones as a 500 without details. */
function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return function handleError(error: unknown, _req, res, _next) {
    const e = error as { status?: number; type?: string; message?: string };
    let http: HttpError;
    if (error instanceof HttpError) http = error;
    else if (e.type === 'entity.too.large') http = new HttpError(413, 'too-large', 'the request body is larger than this server accepts');
    else if (e.type === 'entity.parse.failed') http = new HttpError(400, 'invalid-json', 'the request body is not valid JSON');
    else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) http = new HttpError(e.status, 'invalid-request', 'the request could not be read');
    else {
      log(`internal error: ${(error as Error).name}: ${(error as Error).message}`);
      http = new HttpError(500, 'internal', 'something went wrong on the server; it has been logged');
    }
    if (res.headersSent) return void res.end();
    res.status(http.status).json({ error: { code: http.code, message: http.message } });
  };
}

export function createApp(ctx: ServerContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback'); // a reverse proxy on this machine may say the request came over https
  app.use(securityHeaders({ hsts: ctx.config.secureCookies === true }));
  app.use(requestLog(ctx.log));

  const api = express.Router();
  api.use(noStore);
  api.get('/openapi.json', (_req, res) => res.json(openApiDocument(VERSION)));
  api.get('/auth-options', (_req, res) => res.json({ password: true, entra: Boolean(ctx.config.oidc) }));
  api.use(authenticate(ctx.store));
  api.use(classifyRoutes(ctx)); // before the JSON parser: it reads its own (larger) body
  api.use(express.json({ limit: '1mb' }));
  for (const routes of [sessionRoutes, documentRoutes, reviewRoutes, scanRoutes, statsRoutes, dispositionRoutes, auditRoutes]) api.use(routes(ctx));
  api.use(() => {
    throw notFound('no such API route');
  });
  app.use('/api/v1', api);
  app.use('/auth', oidcRoutes(ctx));
  app.use(express.static(UI_DIR, { index: 'index.html', dotfiles: 'ignore', maxAge: 0 }));
  app.use(errorHandler(ctx.log));
  return app;
}
