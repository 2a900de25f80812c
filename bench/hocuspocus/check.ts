import { randomUUID } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncUpdate, textUpdate } from '../../test/helpers/frames';
import { waitFor } from '../../test/helpers/wait';
import { openProvider, whenSynced } from '../load/provider';
import { openSocket } from '../load/sockets';
import { DocumentTable } from './documents';

const FIELD = 'check';
const TEXTS = {
  real: 'from HocuspocusProvider. ',
  provider: 'from a bench provider. ',
  writer: 'from a bench writer. ',
};

/**
 * The bench's Hocuspocus framing held to the real thing: a HocuspocusProvider (3.x), a bench
 * y-websocket provider and a bench raw writer edit one document through the server; they must
 * converge, see each other's presence, and the server must store the merged state where
 * extension-database reads it from. Run at the start of every bench run on Hocuspocus, so
 * a framing mistake stops the run instead of skewing its figures. Returns a line for the log.
 */
export async function checkHocuspocusWire(wsBase: string, dbFile: string): Promise<string> {
  const docName = `board/${randomUUID()}/attempt/1`;
  const realDoc = new Y.Doc();
  const benchDoc = new Y.Doc();
  // The provider's own socket class is `ws` here: Node 20 has no global WebSocket.
  const socket = new HocuspocusProviderWebsocket({ url: wsBase, WebSocketPolyfill: WebSocket });
  const real = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: realDoc });
  real.attach();
  real.setAwarenessField('user', { name: 'HocuspocusProvider' });
  const bench = openProvider(wsBase, docName, null, benchDoc, 'hocuspocus');
  bench.awareness.setLocalStateField('user', { name: 'bench provider' });
  let writer: WebSocket | null = null;
  try {
    await whenSynced(bench, 10_000);
    await waitFor(() => real.synced, 'the HocuspocusProvider to sync', 10_000);
    writer = await openSocket(wsBase, docName, null, 'hocuspocus');
    realDoc.getText(FIELD).insert(0, TEXTS.real);
    benchDoc.getText(FIELD).insert(0, TEXTS.provider);
    writer.send(syncUpdate(textUpdate(TEXTS.writer, FIELD)));
    const complete = (doc: Y.Doc) => Object.values(TEXTS).every((t) => doc.getText(FIELD).toString().includes(t));
    await waitFor(
      () =>
        complete(realDoc) &&
        complete(benchDoc) &&
        realDoc.getText(FIELD).toString() === benchDoc.getText(FIELD).toString(),
      'the three clients to converge',
      10_000,
    );
    await waitFor(
      () =>
        real.awareness?.getStates().has(benchDoc.clientID) === true &&
        bench.awareness.getStates().has(realDoc.clientID),
      'presence both ways',
      10_000,
    );
  } finally {
    writer?.close();
    bench.destroy();
    real.destroy();
    socket.destroy();
  }
  // The last connection out makes Hocuspocus store at once rather than after its debounce.
  const table = new DocumentTable(dbFile);
  try {
    let stored = 0;
    await waitFor(
      () => {
        const state = table.fetch(docName);
        if (!state) return false;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        const same = doc.getText(FIELD).toString() === realDoc.getText(FIELD).toString();
        doc.destroy();
        stored = state.length;
        return same;
      },
      'the merged state to be stored',
      15_000,
      50,
    );
    return `framing checked against HocuspocusProvider: 3 clients converged, presence both ways, ${stored} bytes stored`;
  } finally {
    table.close();
    realDoc.destroy();
    benchDoc.destroy();
  }
}
