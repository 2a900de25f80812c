/**
 * Hocuspocus's framing of y-protocols messages (@hocuspocus/server 3.x, `OutgoingMessage` and
 * `ClientConnection`): every frame starts with the document's name as a varstring, then the
 * message type. The first message of a document must be an auth message; the server answers
 * "authenticated" and queues the rest until the document is loaded.
 *
 * Written out here rather than taken from @hocuspocus/provider: its message classes are built
 * around a provider instance, and the bench's clients are y-websocket providers and raw sockets
 * whose work must stay what it is on the other targets. hocuspocus/check.ts holds this framing
 * to the real HocuspocusProvider at the start of every run.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Hocuspocus's message types (@hocuspocus/server `MessageType`); 0, 1 and 3 are y-protocols'. */
const Type = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  SyncReply: 4,
  Stateless: 5,
  BroadcastStateless: 6,
  Close: 7,
  SyncStatus: 8,
} as const;
/** Sub-types of an auth message (@hocuspocus/common `AuthMessageType`). */
const AuthType = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const;

/** The name prefix of one document's frames, encoded once per socket. */
export function namePrefix(documentName: string): Uint8Array {
  return encoding.encode((encoder) => encoding.writeVarString(encoder, documentName));
}

/** A y-protocols message as Hocuspocus expects it: the document's name, then the message. */
export function framed(prefix: Uint8Array, message: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + message.length);
  out.set(prefix, 0);
  out.set(message, prefix.length);
  return out;
}

/** The auth message that opens a document, carrying `token` (HocuspocusProvider sends "" without one). */
export function authFrame(prefix: Uint8Array, token: string): Uint8Array {
  return framed(
    prefix,
    encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, Type.Auth);
      encoding.writeVarUint(encoder, AuthType.Token);
      encoding.writeVarString(encoder, token);
    }),
  );
}

/** What a frame from the server means to a y-websocket client. */
export type Unframed =
  /** A y-protocols message (sync, awareness, query awareness), without the name. */
  | { kind: 'message'; message: Uint8Array }
  | { kind: 'authenticated' }
  | { kind: 'denied'; reason: string }
  /** The server asks for the token again. */
  | { kind: 'token-request' }
  /** The server closed this document's connection (the socket stays open). */
  | { kind: 'closed'; reason: string }
  /** Sync status acknowledgements, stateless messages, another document's frames. */
  | { kind: 'ignored' };

export function unframe(documentName: string, bytes: Uint8Array): Unframed {
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarString(decoder) !== documentName) return { kind: 'ignored' };
  const start = decoder.pos;
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case Type.Sync:
    case Type.Awareness:
    case Type.QueryAwareness:
      return { kind: 'message', message: bytes.subarray(start) };
    case Type.SyncReply: {
      // A sync message that must not be answered with another step 1; to y-websocket, a sync message.
      const message = bytes.slice(start);
      message[0] = Type.Sync;
      return { kind: 'message', message };
    }
    case Type.Auth: {
      const auth = decoding.readVarUint(decoder);
      if (auth === AuthType.Authenticated) return { kind: 'authenticated' };
      if (auth === AuthType.PermissionDenied) return { kind: 'denied', reason: decoding.readVarString(decoder) };
      return { kind: 'token-request' };
    }
    case Type.Close:
      return { kind: 'closed', reason: decoding.hasContent(decoder) ? decoding.readVarString(decoder) : '' };
    default:
      return { kind: 'ignored' };
  }
}
