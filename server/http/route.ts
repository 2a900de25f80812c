import { NextResponse } from 'next/server';
import { ZodError, type ZodType } from 'zod';
import { currentPrincipal } from '../auth/session';
import type { Principal } from '../auth/principal';
import { checkApiRequest, isJsonContentType, noStore } from './edge';
import { badRequest, fromZodError, HttpError, toError, unauthorized, unsupportedMediaType } from './errors';

type Params = Record<string, string | string[] | undefined>;
export interface RouteContext {
  params: Promise<Params>;
}

function errorResponse(error: HttpError): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, fields: error.fields } },
    { status: error.status, headers: error.headers },
  );
}

/**
 * Wraps a route handler: the edge checks first (origin, body type: server/http/edge.ts), then
 * every error becomes a JSON answer with a stable code, nothing unexpected leaks a stack trace
 * to the client, and no answer, error or not, may be cached.
 */
export function route<C extends RouteContext>(
  handler: (req: Request, ctx: C) => Promise<Response>,
): (req: Request, ctx: C) => Promise<Response> {
  const answer = async (req: Request, ctx: C): Promise<Response> => {
    try {
      checkApiRequest(req);
      return await handler(req, ctx);
    } catch (thrown) {
      if (thrown instanceof HttpError) return errorResponse(thrown);
      if (thrown instanceof ZodError) return errorResponse(fromZodError(thrown));
      console.error('route failed', toError(thrown));
      return errorResponse(new HttpError(500, 'internal', 'Something went wrong on our side.'));
    }
  };
  return async (req, ctx) => noStore(await answer(req, ctx));
}

/** A route that requires a signed-in, unrevoked session. */
export function authedRoute<C extends RouteContext>(
  handler: (req: Request, ctx: C, principal: Principal) => Promise<Response>,
): (req: Request, ctx: C) => Promise<Response> {
  return route<C>(async (req, ctx) => {
    const principal = await currentPrincipal();
    if (!principal) throw unauthorized();
    return handler(req, ctx, principal);
  });
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads and validates a JSON body, sent as application/json (else 415); malformed or oversized, a 400, never a 500. */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  if (!isJsonContentType(req.headers.get('content-type'))) throw unsupportedMediaType();
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw badRequest('The request body is too large.');
  let value: unknown;
  try {
    value = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Reads a route parameter that must be a single string. */
export async function param(ctx: RouteContext, name: string): Promise<string> {
  const value = (await ctx.params)[name];
  if (typeof value !== 'string') throw badRequest(`Missing ${name}.`);
  return value;
}
