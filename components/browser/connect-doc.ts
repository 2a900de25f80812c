import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { isTerminalCloseCode } from '@/lib/protocol/close-codes';

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;

export interface ConnectDocOptions {
  /** Origin of the realtime server as a websocket URL, e.g. `wss://board.example` (no path). */
  url: string;
  /** Full document name, e.g. `board/<b>/attempt/<n>`; it contains slashes. */
  docName: string;
  doc: Y.Doc;
  /** Node has no global WebSocket on 20.x: pass the `ws` class (or a subclass setting headers). */
  WebSocketPolyfill?: ProviderOptions['WebSocketPolyfill'];
  awareness?: Awareness;
  /** Query parameters, e.g. a short-lived token when cookies cannot be used. */
  params?: Record<string, string>;
  /** Defaults to true. */
  connect?: boolean;
  /** The server closed the socket for good (access revoked, signed out...); the provider has stopped. */
  onTerminalClose?(code: number, reason: string): void;
}

/**
 * y-websocket's destroy() leaves the Awareness it created running (a 3 s interval holding the
 * doc): a page that mounts and unmounts providers would leak them. This one stops its own.
 */
class DocProvider extends WebsocketProvider {
  private readonly ownsAwareness: boolean;

  constructor(serverUrl: string, room: string, doc: Y.Doc, opts: ProviderOptions & { ownsAwareness: boolean }) {
    const { ownsAwareness, ...providerOptions } = opts;
    super(serverUrl, room, doc, providerOptions);
    this.ownsAwareness = ownsAwareness;
  }

  override destroy(): void {
    super.destroy();
    if (this.ownsAwareness) this.awareness.destroy();
  }
}

/** Encodes each segment once; the server decodes the path once, so `/` stays a separator. */
function encodeDocPath(docName: string): string {
  return docName.split('/').map(encodeURIComponent).join('/');
}

/**
 * Creates the y-websocket provider for one document. The provider reconnects on every close by
 * default; here it stops on the codes that reconnecting cannot fix (see isTerminalCloseCode),
 * and reconnects on the others, e.g. AccessReduced, which then yields a read-only connection.
 *
 * Limit: a refusal before the socket opens (HTTP 401/404) is seen by a browser as code 1006,
 * the same as a network failure, so it is retried with backoff. The page should stop the
 * provider itself when it learns (from its records) that access is gone.
 */
export function connectDoc(options: ConnectDocOptions): WebsocketProvider {
  const serverUrl = `${options.url.replace(/\/+$/, '')}/yjs`;
  const provider = new DocProvider(serverUrl, encodeDocPath(options.docName), options.doc, {
    connect: options.connect ?? true,
    awareness: options.awareness ?? new Awareness(options.doc),
    ownsAwareness: options.awareness === undefined,
    params: options.params,
    WebSocketPolyfill: options.WebSocketPolyfill,
    // Never through BroadcastChannel: tabs of one browser (and providers of one Node process)
    // sync through the server only. Edits passed tab to tab would be neither checked by the
    // server nor seen by its save tracker, and y-websocket pays for the channel on the page's
    // critical path: encoding the whole document for it when it connects (about 0.1 s on the
    // bench's slow phone) and one more message per keystroke after.
    disableBc: true,
    shouldReconnect: (event) => !isTerminalCloseCode(event.code),
  });
  provider.on('closed', (event) => {
    options.onTerminalClose?.(event.code, event.reason);
  });
  return provider;
}
