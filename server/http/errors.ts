import type { ZodError } from 'zod';

/** An error with a stable code that a route turns into a JSON response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** Sent with the answer, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, 'unauthorized', 'Please sign in.');
/** Also used for boards the caller does not belong to, so ids cannot be probed. */
export const notFound = (what = 'That') => new HttpError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'Your role does not allow this.') => new HttpError(403, 'forbidden', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const gone = (message: string) => new HttpError(410, 'gone', message);
/** A request that names another site as its origin (server/http/origin.ts). */
export const foreignOrigin = () =>
  new HttpError(403, 'forbidden_origin', 'This request came from another site and was refused.');
export const unsupportedMediaType = () =>
  new HttpError(415, 'unsupported_media_type', 'Send the request body as JSON (content-type: application/json).');
export const tooManyRequests = (message: string, retryAfterSeconds?: number) =>
  new HttpError(
    429,
    'rate_limited',
    message,
    undefined,
    retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) },
  );
export const badRequest = (message: string, fields?: Record<string, string[]>) =>
  new HttpError(400, 'invalid_request', message, fields);

export function fromZodError(error: ZodError): HttpError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return badRequest('Some fields are not valid.', fields);
}

/** Normalises anything thrown into an Error, so logging never meets a non-Error. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
