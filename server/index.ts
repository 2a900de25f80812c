import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { CLIENT_ADDRESS_HEADER } from './auth/options';
import { closeDatabase, prepareDatabase } from './db/connection';
import { closeRedis } from './redis';
import { env } from './env';
import { brotliStatic } from './http/brotli-static';
import { clientAddressOf } from './http/client-address';
import { toError } from './http/errors';
import { trackInFlight } from './http/in-flight';
import { attachRealtime, type Realtime } from './channels';
import { answerPeerEdit, PEER_EDIT_PATH } from './sync/peer-edits';
import { routeUpgrade } from './upgrade';

/**
 * The one entry: a single http server hosting the Next.js app, socket.io (/socket.io/) and the
 * Yjs sync server (/yjs/..., run in a process of its own that this one starts and hands each
 * upgrade to), so that all three share one port, one session and one database.
 */
async function main(): Promise<void> {
  const config = env();
  const dev = config.NODE_ENV !== 'production';
  // next-auth and the bundled route handlers read these; set once, before Next starts.
  process.env.NEXTAUTH_SECRET = config.secret;
  process.env.NEXTAUTH_URL ??= `http://localhost:${config.PORT}`;
  // The schema is current before anything is served (on PostgreSQL, migrated over the network).
  const database = await prepareDatabase();

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: config.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  // Development rebuilds its files under the same names: only a production build's are copied.
  const brotli = dev ? null : brotliStatic(path.join(process.cwd(), '.next'));

  let realtime: Realtime | null = null;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Another process of this database, sending a server edit for a board this one serves.
    if (req.url === PEER_EDIT_PATH) {
      const live = realtime;
      return answerPeerEdit(req, res, config.secret, (edit) =>
        live ? live.applyPeerEdit(edit) : Promise.reject(new Error('not serving yet')),
      );
    }
    // Rate limits key on the client's address; never trust one sent by the client (only a
    // trusted proxy's X-Forwarded-For, server/http/client-address.ts).
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req);
    if (brotli?.answer(req, res)) return;
    brotli?.observe(req, res);
    handleRequest(req, res).catch((error: unknown) => {
      console.error('request failed', toError(error));
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const inFlight = trackInFlight(server);

  const attached = await attachRealtime(server);
  realtime = attached;
  server.on('upgrade', (req, socket, head) => {
    routeUpgrade(req, socket, head, { realtime: attached, nextUpgrade: dev ? app.getUpgradeHandler() : null });
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(
    `ready on http://localhost:${port} (${dev ? 'development' : 'production'}, ${database.dialect === 'postgres' ? 'records on PostgreSQL' : `data in ${config.dataDir}`})`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: flushing and closing`);
    // A last resort only: a clean close takes tens of milliseconds.
    const force = setTimeout(() => {
      console.error(`${signal}: still closing after 10 s; forcing the exit`);
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      // No new connections from here; idle keep-alive ones are closed. Called once and not
      // awaited: its callback never comes once sockets were handed to the sync process (in-flight.ts).
      server.close();
      await attached.close();
      await inFlight.drained();
      server.closeAllConnections();
      await closeDatabase();
      await closeRedis();
    } catch (error) {
      console.error('shutdown failed', toError(error));
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

process.on('unhandledRejection', (reason) => console.error('unhandled rejection', toError(reason)));

main().catch((error: unknown) => {
  console.error('failed to start', toError(error));
  process.exit(1);
});
