import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ConnectDocOptions, connectDoc } from '../../components/browser/connect-doc';
import type { TestClient } from './client';
import { destroyWhenDone } from './leftovers';

/** A `ws` class that sends this person's session cookie, as a browser does on a same-origin upgrade. */
type Polyfill = NonNullable<ConnectDocOptions['WebSocketPolyfill']>;

export function cookieSocket(cookie: string): Polyfill {
  class CookieSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  // The `ws` class is API-compatible with the DOM WebSocket that y-websocket's types name.
  return CookieSocket as unknown as Polyfill;
}

export interface OpenDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

/** Opens a document as this person through the real server, and waits for the first sync. */
export async function openDoc(client: TestClient, docName: string, timeoutMs = 5000): Promise<OpenDoc> {
  const doc = new Y.Doc();
  const provider = destroyWhenDone(
    connectDoc({
      url: client.baseUrl.replace(/^http/, 'ws'),
      docName,
      doc,
      disableBc: true,
      WebSocketPolyfill: cookieSocket(client.cookieHeader()),
    }),
  );
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  await new Promise<void>((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => {
      close();
      reject(new Error(`${docName} did not sync`));
    }, timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { doc, provider, close };
}

/** Waits until `check` holds, polling; for state that arrives over the network. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Writes a paragraph into a Tiptap letter fragment, as the editor would. */
export function writeParagraph(doc: Y.Doc, field: 'impact' | 'bottomLine', text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(field);
    fragment.insert(fragment.length, [paragraph]);
  });
}
