import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { wallMs } from '../lib/clock';
import type { BoardAccess } from '../targets/types';
import type { Job } from './ipc';
import { forEachLimited, openProvider, whenSynced } from './provider';

export interface FailoverSpec {
  /** The process that serves the boards (each one's first join goes there). */
  ownerWsBase: string;
  /** The process the writer and the reader of every board connect through. */
  otherWsBase: string;
  /** The public address every page comes from, whichever process its sockets reach. */
  origin: string;
  boards: BoardAccess[];
}

export interface FailoverReport {
  /** Per board, when its writer typed (after the owner was killed). */
  typedAt: number[];
  /** Per board, when its reader first held that edit; null if not within the time allowed. */
  seenAt: (number | null)[];
  /** Connections the providers made again meanwhile (each attempt that opened). */
  reconnects: number;
}

interface Pair {
  writer: Y.Doc;
  reader: Y.Doc;
  providers: WebsocketProvider[];
}

const FIELD = 'bench.failover';

/**
 * For each board, a writer and a reader on the process that does not serve it, as two family
 * members whose sockets the proxy sent there: their sockets are passed to the owner. When the
 * owner dies they reconnect as a page does (y-websocket's backoff), and the board is edited
 * again once the surviving process serves it.
 */
export class FailoverPairsJob implements Job {
  private readonly pairs: Pair[] = [];
  private reconnects = 0;
  private counting = false;

  constructor(private readonly spec: FailoverSpec) {}

  async handle(cmd: string, arg: unknown): Promise<unknown> {
    if (cmd === 'connect') return this.connect();
    if (cmd === 'edit') return this.edit((arg as { timeoutMs: number }).timeoutMs);
    throw new Error(`failover: unknown command ${cmd}`);
  }

  private open(wsBase: string, board: BoardAccess, person: number, doc: Y.Doc): WebsocketProvider {
    const cookie = board.cookies[person % board.cookies.length] ?? null;
    const provider = openProvider(wsBase, board.docName, cookie, doc, 'y-websocket', this.spec.origin);
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && this.counting) this.reconnects++;
    });
    return provider;
  }

  private async connect(): Promise<number> {
    await forEachLimited(this.spec.boards, 5, async (board) => {
      // The first join makes the owner's process serve the board; it leaves once the others are in.
      const openerDoc = new Y.Doc();
      const opener = this.open(this.spec.ownerWsBase, board, 0, openerDoc);
      await whenSynced(opener, 30_000);
      const pair: Pair = { writer: new Y.Doc(), reader: new Y.Doc(), providers: [] };
      pair.providers.push(this.open(this.spec.otherWsBase, board, 0, pair.writer));
      pair.providers.push(this.open(this.spec.otherWsBase, board, 1, pair.reader));
      await Promise.all(pair.providers.map((p) => whenSynced(p, 30_000)));
      // One edit through the owner before anything happens, so the path is known to work.
      await reaches(pair, 10_000);
      opener.destroy();
      opener.awareness.destroy();
      openerDoc.destroy();
      this.pairs.push(pair);
    });
    this.counting = true;
    return this.pairs.length;
  }

  private async edit(timeoutMs: number): Promise<FailoverReport> {
    const typedAt: number[] = [];
    const seen = this.pairs.map((pair) => {
      typedAt.push(wallMs());
      return reaches(pair, timeoutMs).catch(() => null);
    });
    return { typedAt, seenAt: await Promise.all(seen), reconnects: this.reconnects };
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      for (const provider of pair.providers) {
        provider.destroy();
        provider.awareness.destroy();
      }
      pair.writer.destroy();
      pair.reader.destroy();
    }
  }
}

/** Types one character as the writer; resolves with the time the reader holds it (wall clock). */
function reaches(pair: Pair, timeoutMs: number): Promise<number> {
  const text = pair.writer.getText(FIELD);
  text.insert(text.length, 'e');
  const client = pair.writer.clientID;
  const clock = Y.getState(pair.writer.store, client);
  return new Promise<number>((resolve, reject) => {
    const check = () => {
      if (Y.getState(pair.reader.store, client) < clock) return;
      const at = wallMs();
      clearTimeout(timer);
      pair.reader.off('update', check);
      resolve(at);
    };
    const timer = setTimeout(() => {
      pair.reader.off('update', check);
      reject(new Error(`the reader did not see the edit within ${timeoutMs} ms`));
    }, timeoutMs);
    pair.reader.on('update', check);
    check();
  });
}
