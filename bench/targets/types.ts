import type { Endpoints } from '../load/endpoints';
import type { Wire } from '../load/wire';
import type { Probe } from '../probe/probe-client';
import type { GeneratedLog } from '../seed/generate';
import type { Account } from './accounts';

/** The product and its two references: the bare relay (the floor) and Hocuspocus (a peer). */
export const TARGET_NAMES = ['product', 'relay', 'hocuspocus'] as const;
export type ProductOrReference = (typeof TARGET_NAMES)[number];
/**
 * Also 'postgres': the product on PostgreSQL served by two processes (`--postgres`), measured
 * beside the others in scenarios 1 to 3 and alone in the failover (options.ts, runsOn).
 */
export type TargetName = ProductOrReference | 'postgres';

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
  /**
   * A server of several processes: the addresses its clients are spread over and the one
   * Origin they all send; null for a server of one process (every socket to wsBase).
   */
  endpoints: Endpoints | null;
  /** The processes that relay the documents (the probe's), whose heap and RSS are reported. */
  relayPids: number[];
  /** Every process of the server, whose CPU use is reported as the server's. */
  pids: number[];
  /**
   * The database server's processes when it runs apart (PostgreSQL): their CPU counts as the
   * server's, as SQLite's work does inside the product's own process. Null when there is none.
   */
  databasePids: (() => number[]) | null;
  probe: Probe;
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
  /** The product's update log (its SQLite file), for history rebuilds; null elsewhere. */
  dbFile: string | null;
  /** Rows in the update log for a document (the product's, on either database); null on the references. */
  countLogged: ((docName: string) => Promise<number>) | null;
  /** People signed in on the product (for the browser scenario); none on the references. */
  accounts(): Account[];
  stop(): Promise<void>;
  output(): string;
}
