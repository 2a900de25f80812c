import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BoardAccess } from '../targets/types';
import { endpointFor, type Endpoints } from './endpoints';
import { EditRecorder, type EditLog, recordArrivals, typeOne } from './edit-log';
import type { Job } from './ipc';
import { forEachLimited, openProvider, whenSynced } from './provider';
import type { Wire } from './wire';

export interface EditorsSpec {
  wsBase: string;
  /** A server of several processes: each board's sockets alternate between them (endpoints.ts). */
  endpoints?: Endpoints | null;
  wire: Wire;
  boards: BoardAccess[];
  /** Sockets this process opens per board, cycling over the board's cookies. */
  socketsPerBoard: number;
  /** Edits per second per board from this process, spread round-robin over its sockets. */
  editsPerSecondPerBoard: number;
  connectConcurrency: number;
  /** Distinguishes this process's typists' fields from another process's on the same board. */
  fieldPrefix: string;
}

export interface EditorsReport {
  sends: EditLog;
  arrivals: EditLog;
  /** Sockets that lost their connection during the run (the provider reconnects them). */
  drops: number;
  /** This process's own longest event-loop delay since the last collect: a late arrival may be ours. */
  loopMaxMs: number;
}

interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  field: string;
  typed: number;
}

/**
 * Real editors: a Y.Doc and a y-websocket provider each, typing one character per edit into a
 * field of their own, announcing presence as a page does (y-protocols renews it every 15 s).
 * Sends and arrivals are logged by edit key (see edit-log.ts) and matched by the bench.
 */
export class EditorsJob implements Job {
  private readonly editors: Editor[][] = [];
  private readonly sends = new EditRecorder();
  private readonly arrivals = new EditRecorder();
  private drops = 0;
  private connected = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly loop = monitorEventLoopDelay({ resolution: 1 });

  constructor(private readonly spec: EditorsSpec) {
    this.loop.enable();
  }

  async handle(cmd: string): Promise<unknown> {
    switch (cmd) {
      case 'connect':
        return this.connect();
      case 'start':
        this.start();
        return null;
      case 'stop':
        clearInterval(this.timer);
        return null;
      case 'collect':
        return this.collect();
      default:
        throw new Error(`editors: unknown command ${cmd}`);
    }
  }

  private async connect(): Promise<number> {
    const started = performance.now();
    const jobs = this.spec.boards.flatMap((board, b) =>
      Array.from({ length: this.spec.socketsPerBoard }, (_, k) => ({ board, b, k })),
    );
    this.spec.boards.forEach(() => this.editors.push([]));
    await forEachLimited(jobs, this.spec.connectConcurrency, async ({ board, b, k }) => {
      const doc = new Y.Doc();
      const cookie = board.cookies[k % board.cookies.length] ?? null;
      // Offset by the board, so that the boards' first sockets, and so their owners, alternate too.
      const at = endpointFor(this.spec.wsBase, this.spec.endpoints, k + b);
      const provider = openProvider(at.wsBase, board.docName, cookie, doc, this.spec.wire, at.origin);
      provider.awareness.setLocalStateField('user', {
        name: `Editor ${this.spec.fieldPrefix}${b}.${k}`,
        color: '#3366cc',
      });
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected' && this.connected) this.drops++;
      });
      recordArrivals(doc, this.arrivals);
      this.editors[b]?.push({ doc, provider, field: `bench.${this.spec.fieldPrefix}${k}`, typed: 0 });
      await whenSynced(provider, 30_000);
    });
    this.connected = true;
    return performance.now() - started;
  }

  /** One shared tick sends whatever is due: cheaper and steadier than a timer per editor. */
  private start(): void {
    const rate = this.spec.editsPerSecondPerBoard;
    if (rate <= 0) return;
    const began = performance.now();
    // Each board starts at its own phase, so that 500 boards do not all send on the same tick.
    const phase = this.editors.map((_, b) => (b / this.editors.length) * (1000 / rate));
    const done = this.editors.map(() => 0);
    this.timer = setInterval(() => {
      const elapsed = performance.now() - began;
      this.editors.forEach((board, b) => {
        // A board's first edit goes at its phase: below one edit a second per board, a block
        // shorter than 1 / rate would otherwise see no edit at all from late-phased boards.
        const since = elapsed - (phase[b] ?? 0);
        const due = since < 0 ? 0 : Math.floor((since * rate) / 1000) + 1;
        while ((done[b] ?? 0) < due) {
          const editor = board[(done[b] ?? 0) % board.length];
          done[b] = (done[b] ?? 0) + 1;
          if (editor) this.sends.record(typeOne(editor.doc, editor.field, editor.typed++));
        }
      });
    }, 2);
  }

  private collect(): EditorsReport {
    const report: EditorsReport = {
      sends: this.sends.take(),
      arrivals: this.arrivals.take(),
      drops: this.drops,
      loopMaxMs: this.loop.max / 1e6,
    };
    this.drops = 0;
    this.loop.reset();
    return report;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.connected = false;
    for (const board of this.editors) {
      for (const editor of board) {
        editor.provider.destroy();
        editor.provider.awareness.destroy();
        editor.doc.destroy();
      }
    }
  }
}
