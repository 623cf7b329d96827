/** An error the client caused or may see: its status, a stable code and a message in the user's terms. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'invalid-request', message);
export const notFound = (what = 'not found') => new HttpError(404, 'not-found', what);
export const unauthorized = () => new HttpError(401, 'unauthenticated', 'sign in first (a session or an API token)');
export const forbidden = (what: string) => new HttpError(403, 'forbidden', `your role may not ${what}`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
