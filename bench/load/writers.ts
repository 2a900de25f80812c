import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncUpdate } from '../../test/helpers/frames';
import { sleep } from '../../test/helpers/wait';
import { EditRecorder, type EditLog, typeOne } from './edit-log';
import { endpointFor, type Endpoints } from './endpoints';
import type { Job } from './ipc';
import { openSocket } from './sockets';
import type { Wire } from './wire';

export interface WritersSpec {
  wsBase: string;
  /** A server of several processes: the writers alternate between them (endpoints.ts). */
  endpoints?: Endpoints | null;
  wire: Wire;
  docName: string;
  cookies: (string | null)[];
}

export interface WriterStep {
  /** Writers that must be connected for this step (more are opened as the rate grows). */
  writers: number;
  ratePerWriter: number;
  durationMs: number;
}

export interface WritersReport {
  sent: number;
  sends: EditLog;
  /** Writers the server closed (e.g. rate limited) during the step, with their close codes. */
  closed: number[];
}

interface Writer {
  socket: WebSocket;
  doc: Y.Doc;
  typed: number;
  frame: Uint8Array | null;
  closedWith: number | null;
}

/**
 * Raw-protocol writers for the throughput step test. A provider would apply every update of
 * every other writer to its own Y.Doc: at thousands of updates a second times dozens of
 * sockets, the load generators rather than the server would be measured. These only produce:
 * each types into its own Y.Doc (so its updates never depend on anyone else's), logs the send
 * as the editors do (edit-log.ts), and sends the update frame; frames from the server are
 * discarded.
 */
export class WritersJob implements Job {
  private readonly writers: Writer[] = [];
  private readonly sends = new EditRecorder();

  constructor(private readonly spec: WritersSpec) {}

  async handle(cmd: string, arg: unknown): Promise<unknown> {
    if (cmd === 'step') return this.step(arg as WriterStep);
    throw new Error(`writers: unknown command ${cmd}`);
  }

  private async ensure(count: number): Promise<void> {
    while (this.writers.length < count) {
      const cookie = this.spec.cookies[this.writers.length % this.spec.cookies.length] ?? null;
      this.writers.push(await this.open(cookie, this.writers.length));
    }
  }

  private async open(cookie: string | null, index: number): Promise<Writer> {
    const at = endpointFor(this.spec.wsBase, this.spec.endpoints, index);
    const socket = await openSocket(at.wsBase, this.spec.docName, cookie, this.spec.wire, at.origin);
    const doc = new Y.Doc();
    const writer: Writer = { socket, doc, typed: 0, frame: null, closedWith: null };
    doc.on('update', (update: Uint8Array) => {
      writer.frame = syncUpdate(update);
    });
    socket.on('close', (code) => {
      writer.closedWith = code;
    });
    return writer;
  }

  private async step(step: WriterStep): Promise<WritersReport> {
    await this.ensure(step.writers);
    const active = this.writers.slice(0, step.writers);
    const closedBefore = new Set(active.filter((w) => w.closedWith !== null));
    const began = performance.now();
    const done = active.map(() => 0);
    let sent = 0;
    while (performance.now() - began < step.durationMs) {
      const elapsed = performance.now() - began;
      // Writers start evenly staggered over one period so the aggregate rate is smooth.
      active.forEach((writer, i) => {
        const offset = (i / active.length) * (1000 / step.ratePerWriter);
        const due = Math.floor(((elapsed - offset) * step.ratePerWriter) / 1000);
        while ((done[i] ?? 0) < due) {
          done[i] = (done[i] ?? 0) + 1;
          if (this.send(writer)) sent++;
        }
      });
      await sleep(1);
    }
    const closed = active.filter((w) => w.closedWith !== null && !closedBefore.has(w)).map((w) => w.closedWith ?? 0);
    return { sent, sends: this.sends.take(), closed };
  }

  private send(writer: Writer): boolean {
    if (writer.socket.readyState !== WebSocket.OPEN) return false;
    const key = typeOne(writer.doc, 'bench.writers', writer.typed++);
    if (!writer.frame) return false;
    this.sends.record(key);
    writer.socket.send(writer.frame);
    writer.frame = null;
    return true;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.writers.map(
        (writer) =>
          new Promise<void>((resolve) => {
            if (writer.socket.readyState === WebSocket.CLOSED) return resolve();
            writer.socket.once('close', () => resolve());
            writer.socket.close();
            setTimeout(() => {
              writer.socket.terminate();
              resolve();
            }, 3000).unref();
          }),
      ),
    );
    for (const writer of this.writers) writer.doc.destroy();
  }
}
