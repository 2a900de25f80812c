import type { ProbeClient } from '../probe/probe-client';
import type { Account } from './accounts';

export type TargetName = 'product' | 'relay';

/** One document and the session cookies of the people who may write it (null: no auth). */
export interface BoardAccess {
  docName: string;
  /** Cycled over the sockets opened on the document; one user may hold several sockets. */
  cookies: (string | null)[];
}

/** A server under test: the product or the reference relay, driven the same way. */
export interface Target {
  name: TargetName;
  /** ws://127.0.0.1:<port> */
  wsBase: string;
  httpBase: string;
  /** The process that relays the documents (the probe's, whose heap and RSS are reported). */
  pid: number;
  /** Every process of the server, whose CPU use is reported as the server's. */
  pids: number[];
  probe: ProbeClient;
  /** `count` documents that `editors` different people may write (attempt 1 of fresh boards). */
  prepareBoards(count: number, editors: number): Promise<BoardAccess[]>;
  /** The SQLite file of the product (null for the relay, which keeps nothing). */
  dbFile: string | null;
  /** The user to whom seeded log rows are attributed (the boards' interventionist). */
  ownerUserId: string;
  /** People signed in on the product (for the browser scenario); none on the relay. */
  accounts(): Account[];
  stop(): Promise<void>;
  output(): string;
}
