import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sleep } from '../../test/helpers/wait';
import type { Job } from './ipc';
import { openProvider, whenSynced } from './provider';
import type { Wire } from './wire';

export interface HolderSpec {
  wsBase: string;
  wire: Wire;
  docName: string;
  cookie: string | null;
  /** State to bring into the room (the relay keeps nothing, so it learns the document this way). */
  seed: Uint8Array | null;
}

/**
 * A client that stays in a room so that it stays loaded: it seeds the relay with the document
 * and keeps the product's room warm, so joins can be measured with the room in memory.
 */
export class HolderJob implements Job {
  private provider: WebsocketProvider | null = null;
  private readonly doc = new Y.Doc();

  constructor(private readonly spec: HolderSpec) {}

  async handle(cmd: string): Promise<unknown> {
    if (cmd !== 'connect') throw new Error(`holder: unknown command ${cmd}`);
    if (this.spec.seed) Y.applyUpdate(this.doc, this.spec.seed);
    this.provider = openProvider(this.spec.wsBase, this.spec.docName, this.spec.cookie, this.doc, this.spec.wire);
    await whenSynced(this.provider, 60_000);
    // The seed travels as our sync step 2, answered right after the server's step 1: give the
    // server a moment to apply it before anyone else joins.
    await sleep(500);
    return Y.encodeStateAsUpdate(this.doc).length;
  }

  async close(): Promise<void> {
    this.provider?.destroy();
    this.provider?.awareness.destroy();
    this.doc.destroy();
  }
}
