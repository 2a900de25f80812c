import * as Y from 'yjs';
import { wallMs } from '../lib/clock';
import type { Job } from './ipc';
import { openProvider, whenSynced } from './provider';
import type { Wire } from './wire';

export interface JoinerSpec {
  wsBase: string;
  wire: Wire;
  docName: string;
  cookie: string | null;
}

export interface JoinReport {
  /** Wall-clock start, to line the join up with the pinger's samples. */
  startedAt: number;
  /** Provider created -> websocket open (includes the server's auth and access check). */
  openMs: number;
  /** Provider created -> first sync: the client holds the whole document. */
  syncedMs: number;
  /** Size of the state the client received, bytes (sanity check of what was loaded). */
  stateBytes: number;
  endedAt: number;
}

/** A new client opening a document: one fresh Y.Doc and provider per join, torn down after. */
export class JoinerJob implements Job {
  constructor(private readonly spec: JoinerSpec) {}

  async handle(cmd: string): Promise<unknown> {
    if (cmd === 'join') return this.join();
    throw new Error(`joiner: unknown command ${cmd}`);
  }

  private async join(): Promise<JoinReport> {
    const doc = new Y.Doc();
    const startedAt = wallMs();
    const t0 = performance.now();
    let openMs = NaN;
    const provider = openProvider(this.spec.wsBase, this.spec.docName, this.spec.cookie, doc, this.spec.wire);
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && Number.isNaN(openMs)) openMs = performance.now() - t0;
    });
    try {
      await whenSynced(provider, 60_000);
      const syncedMs = performance.now() - t0;
      const stateBytes = Y.encodeStateAsUpdate(doc).length;
      return { startedAt, openMs, syncedMs, stateBytes, endedAt: wallMs() };
    } finally {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    }
  }

  async close(): Promise<void> {}
}
