import type { RequestHandler } from 'express';

/**
 * Security headers on every answer. The CSP allows scripts and styles from this origin only (the UI has no inline
 * script or style attribute), no framing (clickjacking), no plugins; nothing is sent as a referrer, so a document id
 * in a URL does not leak to a link's target.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  return function headers(_req, res, next) {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

/** Answers with evidence are never cached by the browser or a proxy. */
export const noStore: RequestHandler = function noStore(_req, res, next) {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
