import type { Wire } from '../load/wire';
import type { ProbeClient } from '../probe/probe-client';
import type { GeneratedLog } from '../seed/generate';
import type { Account } from './accounts';

/** The product and its two references: the bare relay (the floor) and Hocuspocus (a peer). */
export const TARGET_NAMES = ['product', 'relay', 'hocuspocus'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** One document and the session cookies of the people who may write it (null: no auth). */
export interface BoardAccess {
  docName: string;
  /** Cycled over the sockets opened on the document; one user may hold several sockets. */
  cookies: (string | null)[];
}

/** A server under test: the product or a reference, driven the same way. */
export interface Target {
  name: TargetName;
  /** How its websocket frames the y-protocols messages (load/wire.ts). */
  wire: Wire;
  /** ws://127.0.0.1:<port> */
  wsBase: string;
  httpBase: string;
  /** The process that relays the documents (the probe's, whose heap and RSS are reported). */
  pid: number;
  /** Every process of the server, whose CPU use is reported as the server's. */
  pids: number[];
  probe: ProbeClient;
  /**
   * `count` documents that `editors` different people may write (attempt 1 of fresh boards); on
   * the product at most its eight accounts, whose cookies the sockets then cycle over.
   */
  prepareBoards(count: number, editors: number): Promise<BoardAccess[]>;
  /**
   * Stores a document built from `log` as this server would have stored it, before anyone opens
   * it; null when the server keeps nothing (the relay, which a client then brings the state to).
   */
  seed: ((docName: string, log: GeneratedLog) => void) | null;
  /** The product's update log (its SQLite file), for history rebuilds and counting; null on the references. */
  dbFile: string | null;
  /** People signed in on the product (for the browser scenario); none on the references. */
  accounts(): Account[];
  stop(): Promise<void>;
  output(): string;
}
