import WebSocket from 'ws';
import { wallMs } from '../lib/clock';
import type { Job } from './ipc';
import { openSocket } from './sockets';
import type { Wire } from './wire';

export interface PingerSpec {
  wsBase: string;
  wire: Wire;
  /** A document of its own, so that the pinger never holds the measured room open. */
  docName: string;
  cookie: string | null;
  intervalMs: number;
}

export interface PingReport {
  /** Wall-clock send time of each ping. */
  sentAt: Float64Array;
  /** Its round trip, ms. */
  rttMs: Float64Array;
  /** Close code if the server closed the pinger's socket since the last collect (it reopens). */
  closedWith: number | null;
}

/**
 * Measures the server's event loop from outside: a websocket ping every few milliseconds,
 * answered by `ws` on the server's main thread. A ping sent as the loop blocks comes back
 * when it unblocks, so the longest round trip in a window is about its longest block.
 */
export class PingerJob implements Job {
  private socket: WebSocket | null = null;
  private timer: NodeJS.Timeout | undefined;
  private sent = new Map<number, number>();
  private sentAt: number[] = [];
  private rtt: number[] = [];
  private counter = 0;
  private closedWith: number | null = null;
  private closing = false;

  constructor(private readonly spec: PingerSpec) {}

  async handle(cmd: string): Promise<unknown> {
    if (cmd === 'start') return this.start();
    if (cmd === 'collect') return this.collect();
    throw new Error(`pinger: unknown command ${cmd}`);
  }

  private async start(): Promise<null> {
    await this.open();
    this.timer = setInterval(() => {
      if (this.socket?.readyState !== WebSocket.OPEN) return;
      const id = this.counter++ >>> 0;
      const payload = Buffer.alloc(4);
      payload.writeUInt32BE(id);
      this.sent.set(id, wallMs());
      this.socket.ping(payload);
    }, this.spec.intervalMs);
    return null;
  }

  private async open(): Promise<void> {
    const socket = await openSocket(this.spec.wsBase, this.spec.docName, this.spec.cookie, this.spec.wire);
    socket.on('pong', (data: Buffer) => {
      const id = data.readUInt32BE(0);
      const at = this.sent.get(id);
      if (at === undefined) return;
      this.sent.delete(id);
      this.sentAt.push(at);
      this.rtt.push(wallMs() - at);
    });
    socket.on('close', (code: number) => {
      if (this.closing) return;
      // Pings in flight are lost with the socket; the window still has the others.
      this.closedWith = code;
      this.sent.clear();
      setTimeout(() => void this.open().catch(() => undefined), 100);
    });
    this.socket = socket;
  }

  private collect(): PingReport {
    const report = {
      sentAt: Float64Array.from(this.sentAt),
      rttMs: Float64Array.from(this.rtt),
      closedWith: this.closedWith,
    };
    this.closedWith = null;
    this.sentAt = [];
    this.rtt = [];
    return report;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    this.socket?.close();
  }
}
