import { readFile } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const compress = promisify(brotliCompress);

/** The build's scripts and styles: content-hashed names under /_next/static/, never changed. */
const STATIC_ASSET = /^\/_next\/static\/[\w\-./~]+\.(?:js|css)$/;
/** What a cached answer keeps of Next's own headers: everything but how its body was sent. */
const BODY_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'etag', 'last-modified']);
/** All the build's scripts and styles are about 2 MB raw; a bound in case a build is far larger. */
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/** Whether an Accept-Encoding header admits brotli (`br`, with no q of zero). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'br') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

interface Compressed {
  body: Buffer;
  headers: OutgoingHttpHeaders;
}

export interface BrotliStatic {
  /** Answers `req` with a brotli copy of a build file when one is ready; true when it did. */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
  /** Before Next answers `req` itself: once it has, a brotli copy of that file is made for later askers. */
  observe(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * Next compresses what it serves with gzip only. The build's scripts are about 13 % smaller in
 * brotli at its highest quality, which is too slow to run per request but is done once per
 * file: its names are content hashes, so a copy never goes stale. The first request of each file
 * is answered by Next as usual, and its headers (the security headers of next.config.js, the
 * cache lifetime, the type) are kept for the copy, so that headers are said in one place only.
 * The compression runs on libuv's threads, never on the event loop. Browsers advertise brotli on
 * https and on localhost; a phone on a poor connection gets the board page's JavaScript sooner.
 */
export function brotliStatic(buildDir: string, maxBytes = DEFAULT_MAX_BYTES): BrotliStatic {
  const staticDir = path.resolve(buildDir, 'static');
  const ready = new Map<string, Compressed>();
  const pending = new Set<string>();
  let bytes = 0;

  const eligible = (req: IncomingMessage): string | null => {
    if (req.method !== 'GET' || req.headers.range !== undefined || !acceptsBrotli(req.headers['accept-encoding'])) {
      return null;
    }
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    if (!STATIC_ASSET.test(pathname) || pathname.includes('..')) return null;
    return pathname;
  };

  const make = async (pathname: string, headers: OutgoingHttpHeaders): Promise<void> => {
    const file = path.resolve(staticDir, pathname.slice('/_next/static/'.length));
    if (!file.startsWith(staticDir + path.sep)) return;
    const raw = await readFile(file);
    const body = await compress(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    if (bytes + body.length > maxBytes) return;
    bytes += body.length;
    ready.set(pathname, { body, headers });
  };

  return {
    answer(req, res) {
      const pathname = eligible(req);
      const copy = pathname === null ? undefined : ready.get(pathname);
      if (!copy) return false;
      res.writeHead(200, {
        ...copy.headers,
        'content-encoding': 'br',
        'content-length': copy.body.length,
        vary: 'Accept-Encoding',
      });
      res.end(copy.body);
      return true;
    },
    observe(req, res) {
      const pathname = eligible(req);
      if (pathname === null || ready.has(pathname) || pending.has(pathname)) return;
      pending.add(pathname);
      res.once('finish', () => {
        if (res.statusCode !== 200) {
          pending.delete(pathname);
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(res.getHeaders()).filter(([name]) => !BODY_HEADERS.has(name.toLowerCase())),
        );
        // One over the budget stays pending: it is never compressed again. A file gone with a
        // new build is answered by Next, as every file is until its copy is ready.
        make(pathname, headers).then(
          () => ready.has(pathname) && pending.delete(pathname),
          () => pending.delete(pathname),
        );
      });
    },
  };
}
