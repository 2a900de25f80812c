import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { cookieSocket } from '../lib/cookie-socket';

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;
type Polyfill = NonNullable<ProviderOptions['WebSocketPolyfill']>;

/**
 * A real y-websocket provider on `docName`, as the product's page opens one (same URL scheme as
 * components/browser/connect-doc.ts). disableBc: Node 20 has a global BroadcastChannel, and providers
 * in one process would otherwise sync through it and bypass the server entirely.
 */
export function openProvider(wsBase: string, docName: string, cookie: string | null, doc: Y.Doc): WebsocketProvider {
  const room = docName.split('/').map(encodeURIComponent).join('/');
  return new WebsocketProvider(`${wsBase}/yjs`, room, doc, {
    disableBc: true,
    // ws's class is not the DOM WebSocket type y-websocket declares, but it is what it calls.
    WebSocketPolyfill: cookieSocket(cookie) as unknown as Polyfill,
  });
}

/** Resolves once the provider has the server's state (its first sync), or rejects after `ms`. */
export function whenSynced(provider: WebsocketProvider, ms: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`not synced within ${ms} ms (${provider.url})`));
    }, ms);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Runs `task` over `items` with at most `limit` in flight (connection storms are not the test). */
export async function forEachLimited<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
