import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** The y-websocket frame carrying one document update (message type 0, sync type 2). */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
