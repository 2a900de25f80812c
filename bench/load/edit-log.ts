import * as Y from 'yjs';
import { wallMs } from '../lib/clock';

/**
 * Timing edits without putting anything into the document. Every edit is one keystroke, one
 * transaction, so it advances its client's clock by one: (client id, clock after) names it on
 * every replica. The sender logs when it sent that pair, each receiver when it first saw it;
 * the bench joins the two logs (both wall-clock, see lib/clock.ts). A stamp written into the
 * document would make every edit a map write interleaved with the text, which Yjs cannot merge:
 * the document, its checkpoints and the server's work would grow unlike real typing.
 */
export interface EditLog {
  /** client * 1e6 + clock (exact in a double: ids are 32-bit, clocks stay far below 1e6). */
  keys: Float64Array;
  at: Float64Array;
}

export function editKey(client: number, clock: number): number {
  return client * 1e6 + clock;
}

export class EditRecorder {
  private keys: number[] = [];
  private at: number[] = [];

  record(key: number, time = wallMs()): void {
    this.keys.push(key);
    this.at.push(time);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Returns what was recorded since the last take and starts afresh. */
  take(): EditLog {
    const log = { keys: Float64Array.from(this.keys), at: Float64Array.from(this.at) };
    this.keys = [];
    this.at = [];
    return log;
  }
}

/** Records every remote edit a document receives, on arrival (after it is applied). */
export function recordArrivals(doc: Y.Doc, into: EditRecorder): void {
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const now = wallMs();
    for (const [client, clock] of transaction.afterState) {
      if (clock > (transaction.beforeState.get(client) ?? 0)) into.record(editKey(client, clock), now);
    }
  });
}

const LETTERS = 'etaoinshrdlu etaoinshrdlu cmfwypvbgk ';

/**
 * Types one character at the end of `field` and returns the key naming the edit. Each typist
 * owns its field (as people mostly type in their own item), so its keystrokes merge in Yjs
 * as real typing does, and the document grows by about a byte a character.
 */
export function typeOne(doc: Y.Doc, field: string, n: number): number {
  const text = doc.getText(field);
  text.insert(text.length, LETTERS[n % LETTERS.length] ?? 'e');
  // The clock after the transaction, which is what receivers see in their afterState.
  return editKey(doc.clientID, Y.getState(doc.store, doc.clientID));
}
