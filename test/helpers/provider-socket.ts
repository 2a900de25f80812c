/**
 * The WebSocket class a y-websocket provider is handed in Node, and the options every provider
 * in a Node process is opened with. Shared by the tests, the end-to-end specs and the bench.
 */
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;
export type Polyfill = NonNullable<ProviderOptions['WebSocketPolyfill']>;
/** A `ws` class constructed as y-websocket constructs its socket. */
export type SocketClass = new (address: string | URL, protocols?: string | string[]) => WebSocket;

/** The page origin a browser would send for a websocket at `address` on the app's own origin. */
export function pageOrigin(address: string | URL): string {
  const url = new URL(address);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return url.origin;
}

/**
 * A `ws` class that sends `headers` with its upgrade: y-websocket takes a class, not an
 * instance, so the headers are baked into a subclass. It sends the Origin a page of the app
 * would, unless `headers` names one. No permessage-deflate: neither the sync server nor the
 * bench's relay accepts it, so offering it would only change the upgrade request.
 */
export function socketSending(headers: Record<string, string>): Polyfill {
  class SocketWithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { origin: pageOrigin(address), ...headers }, perMessageDeflate: false });
    }
  }
  return asPolyfill(SocketWithHeaders);
}

/**
 * y-websocket declares the DOM WebSocket; `ws` is the class it is written against in Node and
 * behaves the same, but TypeScript sees two unrelated classes. The toolkit's one such cast.
 */
export function asPolyfill(socketClass: SocketClass): Polyfill {
  return socketClass as unknown as Polyfill;
}

/** Sends this person's session cookie, as a browser does on a same-origin upgrade; null sends none. */
export function cookieSocket(cookie: string | null): Polyfill {
  return socketSending(cookie === null ? {} : { cookie });
}

/**
 * Node 20 has a global BroadcastChannel: providers of one document in one process would sync
 * through it and bypass the server entirely, so every provider in Node turns it off.
 */
export function nodeProviderOptions(WebSocketPolyfill: Polyfill): { WebSocketPolyfill: Polyfill; disableBc: true } {
  return { WebSocketPolyfill, disableBc: true };
}
