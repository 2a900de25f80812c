import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  asPolyfill,
  cookieSocket,
  nodeProviderOptions,
  pageOrigin,
  socketSending,
} from '../../test/helpers/provider-socket';
import { encodeDocName } from '../../test/helpers/urls';
import { hocuspocusSocket } from './hocuspocus-socket';
import type { Wire } from './wire';

/**
 * A real y-websocket provider on `docName`, as the product's page opens one (same URL scheme as
 * components/browser/connect-doc.ts), with the options of every provider in Node (no
 * BroadcastChannel, the cookie on the upgrade). On Hocuspocus's wire its socket frames the
 * same messages as Hocuspocus expects them (hocuspocus-socket.ts); the provider is the same.
 * `origin` is the page's when it is not the socket's own address (a server of several
 * processes behind one public address, endpoints.ts).
 */
export function openProvider(
  wsBase: string,
  docName: string,
  cookie: string | null,
  doc: Y.Doc,
  wire: Wire,
  origin: string | null = null,
): WebsocketProvider {
  const url = `${wsBase}/yjs`;
  const socket =
    wire === 'hocuspocus'
      ? asPolyfill(hocuspocusSocket(docName, { origin: origin ?? pageOrigin(url), ...(cookie ? { cookie } : {}) }))
      : origin
        ? socketSending({ origin, ...(cookie === null ? {} : { cookie }) })
        : cookieSocket(cookie);
  return new WebsocketProvider(url, encodeDocName(docName), doc, nodeProviderOptions(socket));
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
export async function forEachLimited<T>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
