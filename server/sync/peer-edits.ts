import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseDocName } from '../../lib/doc-names';
import { isId } from '../../lib/ids';

/**
 * A server edit (run mode's entry in the debrief) for a board another process serves is sent to
 * that process over HTTP, which applies it as its own server edits and answers once it is
 * stored: only the serving process appends to a board's documents. The request is signed with
 * a key derived from the session secret every process shares, so nobody else can send one; a
 * replayed one changes nothing (a Yjs update applied twice is applied once).
 */
export const PEER_EDIT_PATH = '/_peer/doc-edit';

const SIGNATURE_HEADER = 'x-board-peer-signature';
const TIME_HEADER = 'x-board-peer-time';
/** A signed request older (or newer) than this is refused: clocks of one deployment agree closer. */
const FRESH_MS = 60_000;
const MAX_BODY_BYTES = 256 * 1024;
const SEND_TIMEOUT_MS = 10_000;

export interface PeerEdit {
  docName: string;
  userId: string;
  update: Uint8Array;
}

/** A key of its own, derived from the shared secret (which also signs sessions). */
function keyOf(secret: string): Buffer {
  return createHash('sha256').update(`peer-edits\0${secret}`).digest();
}

function signatureOf(secret: string, time: string, body: string): string {
  return createHmac('sha256', keyOf(secret)).update(`${time}.${body}`).digest('base64url');
}

/** Sends the edit to the process at `address` and resolves once it is stored there. */
export async function sendEditToPeer(address: string, edit: PeerEdit, secret: string): Promise<void> {
  const body = JSON.stringify({
    docName: edit.docName,
    userId: edit.userId,
    update: Buffer.from(edit.update).toString('base64'),
  });
  const time = String(Date.now());
  const response = await fetch(`http://${address}${PEER_EDIT_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TIME_HEADER]: time,
      [SIGNATURE_HEADER]: signatureOf(secret, time, body),
    },
    body,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (response.status !== 204) throw new Error(`the process at ${address} did not store the edit (${response.status})`);
}

/**
 * Answers a request on PEER_EDIT_PATH: 401 unless signed with the shared secret and fresh, 400
 * for a malformed edit, 204 once `apply` stored it, 503 when it did not.
 */
export function answerPeerEdit(
  req: IncomingMessage,
  res: ServerResponse,
  secret: string,
  apply: (edit: PeerEdit) => Promise<void>,
): void {
  const finish = (status: number) => {
    if (!res.headersSent) res.writeHead(status, { 'cache-control': 'no-store', 'content-length': '0' });
    res.end();
  };
  if (req.method !== 'POST') return finish(405);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      finish(413);
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (res.writableEnded) return;
    const body = Buffer.concat(chunks).toString('utf8');
    const time = String(req.headers[TIME_HEADER] ?? '');
    if (!signedBy(secret, time, body, req.headers[SIGNATURE_HEADER])) return finish(401);
    const edit = parseEdit(body);
    if (!edit) return finish(400);
    apply(edit).then(
      () => finish(204),
      (error: unknown) => {
        console.error('peer edit not stored', error instanceof Error ? error.message : String(error));
        finish(503);
      },
    );
  });
}

function signedBy(secret: string, time: string, body: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string' || !/^\d{1,16}$/.test(time)) return false;
  if (Math.abs(Date.now() - Number(time)) > FRESH_MS) return false;
  const expected = Buffer.from(signatureOf(secret, time, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function parseEdit(body: string): PeerEdit | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { docName, userId, update } = value as Record<string, unknown>;
  if (typeof docName !== 'string' || parseDocName(docName) === null) return null;
  if (typeof userId !== 'string' || !isId(userId)) return null;
  if (typeof update !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(update) || update.length === 0) return null;
  return { docName, userId, update: Buffer.from(update, 'base64') };
}
