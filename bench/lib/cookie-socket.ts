import WebSocket from 'ws';

export type SocketClass = new (address: string | URL, protocols?: string | string[]) => WebSocket;

/**
 * A `ws` class that sends a session cookie with its upgrade: y-websocket takes a WebSocket
 * class (WebSocketPolyfill), not an instance, so the cookie is baked into a subclass.
 */
export function cookieSocket(cookie: string | null): SocketClass {
  const headers: Record<string, string> = cookie === null ? {} : { cookie };
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers, perMessageDeflate: false });
    }
  };
}

/** Path of a document under /yjs/, each segment encoded once as the product's client does. */
export function docUrl(wsBase: string, docName: string): string {
  return `${wsBase}/yjs/${docName.split('/').map(encodeURIComponent).join('/')}`;
}
