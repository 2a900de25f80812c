import { type ChildProcess, fork } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { claimsFromCookieHeader } from '../auth/token';
import { db } from '../db/connection';
import { toError } from '../http/errors';
import type { RevalidateFilter } from '../yjs/yjs-server';
import { parseFromSyncProcess, type ToSyncProcess } from './messages';
import { peerAddress } from './peer-address';
import { stopReading } from './socket-reading';
import { forwardUpgrade, upgradeRouter } from './upgrade-routing';

const ENTRY = path.join(__dirname, 'main.ts');
/** How long the sync process may take to start before the server gives up. */
const START_TIMEOUT_MS = 30_000;
/** Pause before a crashed sync process is started again (clients reconnect meanwhile). */
const RESTART_DELAY_MS = 1000;
/** How long a closing sync process may take to checkpoint its rooms before it is killed. */
const CLOSE_TIMEOUT_MS = 12_000;
/** How long a revalidation (or a dropped board) may take to be confirmed before the change that asked fails. */
const REVALIDATE_TIMEOUT_MS = 10_000;
/** How long a server edit may take to be confirmed before the request that made it gives up. */
const APPLY_TIMEOUT_MS = 10_000;

export interface SyncProcess {
  /** Hands a /yjs/ upgrade, socket and all, to the sync process (503 while it restarts). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Re-checks the matching open sockets; resolves once the sync process has closed those whose
   * access shrank, so nothing they send is stored after that.
   */
  revalidate(filter: RevalidateFilter): Promise<void>;
  /** Resolves once the sync process has dropped the board's rooms and removed its documents. */
  dropBoard(boardId: string): Promise<void>;
  /**
   * Has the sync process apply an edit the server made to a document, as `userId`'s (section 5 of
   * docs/realtime.md: logged, then sent to the room). Rejects when it was not stored.
   */
  applyUpdate(docName: string, userId: string, update: Uint8Array): Promise<void>;
  /** The running sync process's id (logged, and read by the bench and the tests). */
  pid(): number | null;
  /** Asks it to close every socket and exit, and waits until it has. */
  close(): Promise<void>;
}

/**
 * Starts the sync process (sync/main.ts) and keeps one running: if it dies, its sockets close,
 * the clients reconnect, and a new one is started a second later. Everything it accepted was
 * stored before anyone saw it, so a crash loses no edit.
 */
export async function startSyncProcess(): Promise<SyncProcess> {
  let stopping = false;
  let nextRequestId = 0;
  /** Revalidations sent and not yet confirmed, by request id. */
  const awaiting = new Map<number, { resolve: () => void; timer: NodeJS.Timeout }>();
  /** Server edits sent and not yet answered, by request id. */
  const edits = new Map<number, { settle: (ok: boolean) => void; timer: NodeJS.Timeout }>();
  /** Which process each of those was sent to. */
  const sentTo = new Map<number, ChildProcess>();
  let child = await launch();

  function launch(): Promise<ChildProcess> {
    // Same node flags as this process (the TypeScript loader), and the same environment,
    // which by now holds the generated secret.
    const proc = fork(ENTRY, [], { env: process.env, serialization: 'json' });
    return new Promise<ChildProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error('the sync process did not start'));
      }, START_TIMEOUT_MS);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`the sync process exited with ${code} while starting`));
      };
      proc.once('exit', onExit);
      // A process that is gone has no sockets left: whatever it was re-checking is settled.
      proc.once('exit', settleAll);
      // An edit a process that is gone did not confirm may not have been stored: it failed.
      proc.once('exit', () => failEdits(proc));
      proc.on('message', (raw: unknown) => {
        const message = parseFromSyncProcess(raw);
        if (message?.type === 'revalidated' || message?.type === 'dropped') return settle(message.id);
        if (message?.type === 'applied') return settleEdit(message.id, message.ok);
        if (message?.type !== 'ready') return;
        clearTimeout(timer);
        proc.off('exit', onExit);
        proc.once('exit', (code, signal) => onUnexpectedExit(proc, code, signal));
        console.log(`sync process ready (pid ${message.pid})`);
        resolve(proc);
      });
    });
  }

  function onUnexpectedExit(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (stopping || proc !== child) return;
    console.error(`sync process exited (${signal ?? code}); starting a new one`);
    setTimeout(() => {
      if (stopping) return;
      launch().then(
        (next) => {
          if (stopping) next.kill('SIGTERM');
          else child = next;
        },
        (error: unknown) => {
          // Without a sync process no board can be edited: better to stop than to half-serve.
          console.error('sync process could not be restarted', toError(error));
          process.kill(process.pid, 'SIGTERM');
        },
      );
    }, RESTART_DELAY_MS).unref();
  }

  function settle(id: number): void {
    const request = awaiting.get(id);
    if (!request) return;
    awaiting.delete(id);
    clearTimeout(request.timer);
    request.resolve();
  }

  function settleAll(): void {
    for (const id of [...awaiting.keys()]) settle(id);
  }

  /** Sends a message that the sync process answers with its id; settled at once if it cannot be sent. */
  function request(what: string, message: (id: number) => ToSyncProcess): Promise<void> {
    const id = nextRequestId++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        awaiting.delete(id);
        reject(new Error(`the sync process did not confirm ${what}`));
      }, REVALIDATE_TIMEOUT_MS);
      awaiting.set(id, { resolve, timer });
      if (!tell(message(id))) settle(id);
    });
  }

  function settleEdit(id: number, ok: boolean): void {
    const request = edits.get(id);
    if (!request) return;
    edits.delete(id);
    clearTimeout(request.timer);
    request.settle(ok);
  }

  /** Only the edits sent to `proc`: a new process's answers settle its own. */
  function failEdits(proc: ChildProcess): void {
    for (const [id, to] of [...sentTo]) {
      if (to !== proc) continue;
      sentTo.delete(id);
      settleEdit(id, false);
    }
  }

  function tell(message: ToSyncProcess): boolean {
    if (!child.connected) return false;
    try {
      child.send(message);
      return true;
    } catch (error) {
      console.error('sync process unreachable', toError(error));
      return false;
    }
  }

  // On PostgreSQL several processes may serve one database: a board's sockets go to the one
  // that holds its lease (upgrade-routing.ts).
  const { dialect, kysely } = db();
  const router = dialect === 'postgres' ? upgradeRouter(kysely, peerAddress()) : null;

  /**
   * Hands the socket to this process's sync process, with the session its cookie names: the
   * JWT's signature and expiry are verified here, where next-auth is loaded anyway (its decoder
   * would be a tenth of the sync process's heap), and the sync process checks that the session
   * is live before anything else, as for every socket.
   */
  function handOver(req: IncomingMessage, socket: Socket, head: Buffer): void {
    if (stopping || !child.connected) return refuse(socket, 503);
    stopReading(socket);
    claimsFromCookieHeader(req.headers.cookie).then(
      (session) => {
        if (socket.destroyed) return;
        if (stopping || !child.connected) return refuse(socket, 503);
        const message: ToSyncProcess = {
          type: 'upgrade',
          method: req.method ?? 'GET',
          url: req.url ?? '',
          headers: req.headers,
          head: head.toString('base64'),
          session,
        };
        // The socket is the sync process's from here: this process closes its own copy once sent.
        child.send(message, socket, (error: Error | null) => {
          if (error) socket.destroy();
        });
      },
      (error: unknown) => {
        console.error('upgrade: the session could not be checked', toError(error));
        refuse(socket, 503);
      },
    );
  }

  return {
    handleUpgrade(req, socket, head) {
      if (stopping || !child.connected || !(socket instanceof Socket)) return refuse(socket, 503);
      if (!router) return handOver(req, socket, head);
      // Nothing is read meanwhile: whatever the client sends stays in the socket for whoever serves it.
      stopReading(socket);
      router.ownerElsewhere(req).then(
        (owner) => (owner ? forwardUpgrade(req, socket, head, owner, peerAddress()) : handOver(req, socket, head)),
        (error: unknown) => {
          console.error('upgrade: could not tell who serves the board', toError(error));
          refuse(socket, 503);
        },
      );
    },
    revalidate(filter) {
      // A sync process that missed this (restarting) has no sockets left to re-check.
      return request('a revalidation', (id) => ({ type: 'revalidate', id, filter }));
    },
    dropBoard(boardId) {
      // One that missed it has no room of the board; the web process purged the documents.
      return request('a dropped board', (id) => ({ type: 'drop-board', id, boardId }));
    },
    applyUpdate(docName, userId, update) {
      const id = nextRequestId++;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => settleEdit(id, false), APPLY_TIMEOUT_MS);
        edits.set(id, {
          timer,
          settle: (ok) => {
            sentTo.delete(id);
            if (ok) resolve();
            else reject(new Error(`the sync process did not store an edit of ${docName}`));
          },
        });
        const message: ToSyncProcess = {
          type: 'apply-update',
          id,
          doc: docName,
          userId,
          update: Buffer.from(update).toString('base64'),
        };
        sentTo.set(id, child);
        if (!tell(message)) settleEdit(id, false);
      });
    },
    pid: () => child.pid ?? null,
    async close() {
      stopping = true;
      const proc = child;
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      if (!tell({ type: 'close' })) proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}

function refuse(socket: Duplex, status: 503): void {
  socket.end(`HTTP/1.1 ${status} Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
