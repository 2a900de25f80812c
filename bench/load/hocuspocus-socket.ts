import WebSocket from 'ws';
import type { SocketClass } from '../../test/helpers/provider-socket';
import { authFrame, framed, namePrefix, unframe } from './hocuspocus-framing';

type SendData = Parameters<WebSocket['send']>[0];
type SendOptions = Exclude<Parameters<WebSocket['send']>[1], undefined>;
type SendCallback = (error?: Error) => void;

/** Close code for a refused auth (4400-4499: y-websocket does not reconnect). */
const DENIED = 4403;

/**
 * A `ws` socket that speaks Hocuspocus's framing for one document, for y-websocket providers
 * (as their WebSocketPolyfill) and the bench's raw sockets alike: the auth message goes out as
 * the socket opens, before anything its owner sends, as HocuspocusProvider sends its token
 * before its first sync; every frame sent is prefixed with the document's name; frames
 * received lose the name, and Hocuspocus's own messages (auth answers, sync status, stateless)
 * are consumed here. What the owner does with the messages is the same on every target.
 */
export function hocuspocusSocket(documentName: string, headers: Record<string, string>, token = ''): SocketClass {
  const prefix = namePrefix(documentName);
  const auth = authFrame(prefix, token);
  return class HocuspocusSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers, perMessageDeflate: false });
    }

    override send(data: SendData, options?: SendOptions | SendCallback, callback?: SendCallback): void {
      const message = framed(prefix, asBytes(data));
      if (typeof options === 'function') super.send(message, options);
      else if (options) super.send(message, options, callback);
      else super.send(message, callback);
    }

    // `ws` delivers both `onmessage`/`onopen` handlers and `on()` listeners through emit.
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'open') {
        super.send(auth);
        return super.emit('open');
      }
      if (event !== 'message') return super.emit(event, ...args);
      const [data, isBinary] = args;
      const frame = unframe(documentName, rawBytes(data));
      switch (frame.kind) {
        case 'message':
          return super.emit('message', frame.message, isBinary);
        case 'token-request':
          super.send(auth);
          return true;
        case 'denied':
          this.close(DENIED, frame.reason.slice(0, 100));
          return true;
        case 'closed':
          this.close(1000, 'closed by the server');
          return true;
        default:
          return true;
      }
    }
  };
}

function asBytes(data: SendData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error('a Hocuspocus frame carries binary data only');
}

/** `ws` hands a Buffer, an ArrayBuffer or fragments, depending on binaryType. */
function rawBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data.filter((part): part is Buffer => Buffer.isBuffer(part)));
  throw new Error('a frame from Hocuspocus that is not binary');
}
