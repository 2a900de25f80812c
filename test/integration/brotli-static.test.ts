/**
 * The build's scripts in brotli (server/http/brotli-static.ts), against the real server: the
 * first request of a file is Next's own answer, later ones a brotli copy of the same bytes with
 * the same headers; anyone not accepting brotli, and anything outside the build's files, gets
 * what Next gives.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { afterEach, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptsBrotli } from '../../server/http/brotli-static';
import { type RunningServer, startServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET of `pathname` exactly as written (no URL normalising), its body read as sent (fetch would decompress it). */
function rawGet(base: string, pathname: string, headers: Record<string, string>): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(answer: RawAnswer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  return answer.body;
}

/** Headers that must be the same whichever way the body was compressed. */
function lasting(headers: RawAnswer['headers']) {
  const keep = [
    'content-type',
    'cache-control',
    'content-security-policy',
    'x-content-type-options',
    'x-frame-options',
  ];
  return Object.fromEntries(keep.map((name) => [name, headers[name]]));
}

test('a script is served in brotli from its second request on, the same bytes with the same headers', async () => {
  server = await startServer();
  const page = await fetch(new URL('/signin', server.url));
  const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(await page.text())?.[1];
  assert.ok(script, 'the sign-in page names a script');
  const base = server.url;

  const first = await rawGet(base, script, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(first.status, 200);
  assert.equal(first.headers['content-encoding'], 'gzip', "the first answer is Next's own");
  let later: RawAnswer = first;
  await waitFor(async () => {
    later = await rawGet(base, script, { 'accept-encoding': 'gzip, deflate, br' });
    return later.headers['content-encoding'] === 'br';
  }, 'a brotli copy is served');
  assert.equal(later.status, 200);
  assert.deepEqual(decoded(later), decoded(first), 'the same script');
  assert.ok(later.body.length < first.body.length, `brotli ${later.body.length} < gzip ${first.body.length} bytes`);
  assert.deepEqual(lasting(later.headers), lasting(first.headers));
  assert.match(String(later.headers['x-content-type-options']), /nosniff/);
  assert.match(String(later.headers['cache-control']), /immutable/);
  assert.equal(later.headers.vary, 'Accept-Encoding');

  // No brotli for a browser that does not ask for it, or refuses it.
  for (const encoding of ['gzip', 'gzip, br;q=0', 'identity']) {
    const answer = await rawGet(base, script, { 'accept-encoding': encoding });
    assert.notEqual(answer.headers['content-encoding'], 'br', encoding);
    assert.deepEqual(decoded(answer), decoded(first), encoding);
  }
  // A range is Next's to answer.
  const ranged = await rawGet(base, script, { 'accept-encoding': 'br', range: 'bytes=0-9' });
  assert.notEqual(ranged.headers['content-encoding'], 'br');
});

test('nothing outside the build is copied or served: escapes, unknown files, other types', async () => {
  server = await startServer();
  const base = server.url;
  const asks = [
    '/_next/static/../../package.json',
    '/_next/static/%2e%2e/%2e%2e/package.json',
    '/_next/static/chunks/..%2f..%2f..%2fpackage.json',
    '/_next/static/chunks/not-a-chunk.js',
    '/_next/static/chunks/x.json',
  ];
  for (const pathname of asks) {
    for (let round = 0; round < 2; round += 1) {
      const answer = await rawGet(base, pathname, { 'accept-encoding': 'br' });
      assert.notEqual(answer.headers['content-encoding'], 'br', pathname);
      assert.equal(decoded(answer).includes('"intervention-board"'), false, `${pathname}: no file from outside`);
      assert.ok(answer.status >= 400, `${pathname}: ${answer.status}`);
    }
  }
});

test('Accept-Encoding: brotli only when named with no q of zero', () => {
  assert.equal(acceptsBrotli('gzip, deflate, br, zstd'), true);
  assert.equal(acceptsBrotli('br;q=0.5'), true);
  assert.equal(acceptsBrotli(['gzip', 'br']), true);
  assert.equal(acceptsBrotli('gzip, br;q=0'), false);
  assert.equal(acceptsBrotli('gzip, br; q=0.0'), false);
  assert.equal(acceptsBrotli('gzip, brotli'), false);
  assert.equal(acceptsBrotli(undefined), false);
  assert.equal(acceptsBrotli(''), false);
});
