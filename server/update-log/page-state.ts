import { db } from '../db/connection';
import { readStoredParts } from './rebuild';

/**
 * The stored state of a document as the page that shows it is rendered, so that the browser
 * can show it (and let the person type) before its live connection has synced: on a phone that
 * is two or three round trips sooner. The socket then syncs as always, from this state.
 *
 * This module does not check access: hand a state only to a page whose viewer may read the
 * document (the caller asks the one permission function, `docAccess`).
 */
export interface RenderedDocState {
  docName: string;
  /** Last sequence number included. */
  seq: number;
  /** The stored parts (a checkpoint, then the updates after it), base64: applied in order. */
  parts: string[];
}

/**
 * Past this many stored bytes the page leaves the state to its socket: the HTML would grow by a
 * third more than the bytes themselves, ahead of the page's scripts on a slow connection.
 */
export const RENDERED_STATE_MAX_BYTES = 192 * 1024;

/** The latest stored state of `docName`, or null when it is larger than the page should carry. */
export async function renderedDocState(docName: string): Promise<RenderedDocState | null> {
  const stored = await readStoredParts(db().kysely, docName, Number.MAX_SAFE_INTEGER);
  let bytes = 0;
  for (const part of stored.parts) bytes += part.length;
  if (bytes > RENDERED_STATE_MAX_BYTES) return null;
  return { docName, seq: stored.seq, parts: stored.parts.map((part) => Buffer.from(part).toString('base64')) };
}
