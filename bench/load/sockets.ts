import WebSocket from 'ws';
import { docUrl } from '../../test/helpers/urls';
import { hocuspocusSocket } from './hocuspocus-socket';
import type { Wire } from './wire';

/**
 * A raw socket on `docName` (the throughput writers', the pinger's), with the session cookie
 * when there is one; on Hocuspocus's wire it sends the auth message first and names the
 * document in every frame. Resolves once the socket is open. `origin`, when given, is sent as a
 * page of the app would (a server of several processes checks it against its public address).
 */
export function openSocket(
  wsBase: string,
  docName: string,
  cookie: string | null,
  wire: Wire,
  origin: string | null = null,
): Promise<WebSocket> {
  const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
  const url = docUrl(wsBase, docName);
  const socket =
    wire === 'hocuspocus'
      ? new (hocuspocusSocket(docName, headers))(url)
      : new WebSocket(url, { headers, perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}
