/**
 * Real y-websocket providers in Node, opened through components/browser/connect-doc as the
 * browser opens them, that record how the server closed them. Every one is registered with
 * leftovers.ts, so a failed test cannot leave one reconnecting forever.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connectDoc } from '../../components/browser/connect-doc';
import type { TestClient } from './client';
import { destroyWhenDone } from './leftovers';
import { cookieSocket, nodeProviderOptions, type Polyfill } from './provider-socket';
import { wsUrl } from './urls';
import { waitFor } from './wait';

export interface ProviderClient {
  label: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every server close seen by the provider, with its time. */
  closes: Array<{ code: number; at: number }>;
  /** The codes of `closes`, in order. */
  readonly closeCodes: number[];
  /** Closes after which the provider stopped reconnecting (terminal codes). */
  terminal: Array<{ code: number; reason: string }>;
  /** Destroys the provider and its document. */
  destroy(): void;
}

export interface ProviderOptions {
  label?: string;
  doc?: Y.Doc;
  connect?: boolean;
}

/** A provider on `docName` at the websocket origin `url`, whose socket class authenticates it. */
export function trackedProvider(
  url: string,
  docName: string,
  socket: Polyfill,
  options: ProviderOptions = {},
): ProviderClient {
  const doc = options.doc ?? new Y.Doc();
  const closes: ProviderClient['closes'] = [];
  const terminal: ProviderClient['terminal'] = [];
  const provider = connectDoc({
    url,
    docName,
    doc,
    ...nodeProviderOptions(socket),
    connect: options.connect ?? true,
    onTerminalClose: (code, reason) => terminal.push({ code, reason }),
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, at: Date.now() });
  });
  destroyWhenDone(provider);
  return {
    label: options.label ?? docName,
    doc,
    provider,
    closes,
    get closeCodes() {
      return closes.map((close) => close.code);
    },
    terminal,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A provider on the real server at `baseUrl`, authenticated by the session `cookie`. */
export function openProvider(
  baseUrl: string,
  cookie: string,
  docName: string,
  options: ProviderOptions = {},
): ProviderClient {
  return trackedProvider(wsUrl(baseUrl), docName, cookieSocket(cookie), options);
}

/** Opens a document as this person through the real server, and waits for the first sync. */
export async function openDoc(client: TestClient, docName: string, timeoutMs = 5000): Promise<ProviderClient> {
  const opened = openProvider(client.baseUrl, client.cookieHeader(), docName);
  try {
    await synced(opened, timeoutMs);
  } catch (error) {
    opened.destroy();
    throw error;
  }
  return opened;
}

export function synced(client: ProviderClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, `${client.label} synced`, timeoutMs);
}
