import { foreignOrigin, unsupportedMediaType } from './errors';
import { isForeignOrigin } from './origin';

/** Methods that change nothing, so a request with them needs no body type. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `application/json`, with or without parameters such as `charset`. */
export function isJsonContentType(value: string | null): boolean {
  return value !== null && value.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Checked before any API handler runs: no request from another origin (server/http/origin.ts),
 * and a request that changes something declares no body type but JSON. That refuses the forms a
 * page elsewhere can send without a CORS preflight (text/plain, urlencoded, multipart), on the
 * routes that read no body too. Throws the HttpError to answer.
 */
export function checkApiRequest(req: Request): void {
  if (isForeignOrigin(req.headers.get('origin'))) throw foreignOrigin();
  if (SAFE_METHODS.has(req.method)) return;
  const type = req.headers.get('content-type');
  if (type !== null && !isJsonContentType(type)) throw unsupportedMediaType();
}

/**
 * API answers hold plans, letters and notes: no cache, the browser's or a proxy's, may keep one
 * (next.config.js says the same for every /api/ path, next-auth's included). Copied, because a
 * handler's Response may have immutable headers.
 */
export function noStore(response: Response): Response {
  const copy = new Response(response.body, response);
  copy.headers.set('cache-control', 'no-store');
  return copy;
}
