import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { toError } from '../http/errors';
import { deliverFromPeer, installForwarder, type BusEvent } from './bus';
import { decodeRelayed, encodeRelayed } from './relay-payload';

/**
 * Bus events across the server processes of one PostgreSQL database (docs/realtime.md's
 * revocation, past one machine): what is published here is also sent with NOTIFY, delivered to
 * every listening process when it commits, and what the others send is handed to this process's
 * listeners as a local publish would be. A received event is never sent again, so nothing loops.
 */

/** How often every open socket is re-checked while the relay hears nothing. */
const DEAF_RECHECK_MS = 1000;

/** The one channel every process listens on (a fixed, lower-case name: LISTEN takes no parameter). */
export const RELAY_CHANNEL = 'board_events';

export interface PostgresRelayOptions {
  /** The database's address, for the connection that listens (its own, outside the pool). */
  url: string;
  /** Sends one notification (through the pool: see notifyThrough). */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Re-checks every open socket this process serves. Called each time the relay listens again
   * after it stopped hearing; the relay waits for it before it calls it again.
   */
  recheckEverything(): Promise<void>;
  log?: (line: string) => void;
  /** The pause before the first retry, doubled on each failure up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /**
   * How often the listening connection is probed, and how long it may take to answer: a
   * connection cut without a word (a network that drops packets) would otherwise look alive.
   */
  heartbeatMs?: number;
}

export interface PostgresRelay {
  /** This process's random id, in every notification it sends. */
  readonly processId: string;
  /** Whether the listening connection is up and listening now. */
  listening(): boolean;
  /** Stops forwarding and listening; what was being sent is still sent. */
  stop(): Promise<void>;
}

/** NOTIFY through the process's pool; pg_notify takes the payload as a parameter, unlike NOTIFY. */
export function notifyThrough(kysely: Kysely<Database>): PostgresRelayOptions['notify'] {
  return async (channel, payload) => {
    await sql`SELECT pg_notify(${channel}, ${payload})`.execute(kysely);
  };
}

/**
 * Starts forwarding at once and resolves after the first attempt to listen. If that attempt
 * fails, the process serves anyway and keeps trying; whatever it missed meanwhile is caught up
 * by the re-check once it listens.
 */
export async function startPostgresRelay(options: PostgresRelayOptions): Promise<PostgresRelay> {
  const processId = randomBytes(9).toString('base64url');
  const log = options.log ?? ((line: string) => console.log(line));
  const firstRetryMs = options.firstRetryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5000;
  const heartbeatMs = options.heartbeatMs ?? 5000;
  let client: pg.Client | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let stopped = false;
  let failures = 0;
  let deafSince: number | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let rechecking: Promise<void> = Promise.resolve();
  let recheckQueued = false;
  let deafRecheck: NodeJS.Timeout | null = null;
  // Sent one after another, so that the others hear events in the order they were published
  // (the board channel relies on it: a removed member leaves the room before "members changed").
  let sending: Promise<void> = Promise.resolve();

  const forward = (event: BusEvent): Promise<void> => {
    const encoded = encodeRelayed(processId, event);
    if (!encoded.ok) {
      if (encoded.reason === 'too-large') log(`events: a ${event.type} event is too large to tell the other processes`);
      return Promise.resolve();
    }
    const sent = sending.then(() => options.notify(RELAY_CHANNEL, encoded.payload));
    sending = sent.catch(() => undefined);
    return sent;
  };
  const uninstall = installForwarder(forward);

  const onNotification = (message: pg.Notification): void => {
    if (message.channel !== RELAY_CHANNEL) return;
    const decoded = decodeRelayed(message.payload);
    if (!decoded.ok) {
      log(`events: dropped a malformed notification (${decoded.reason}; ${message.payload?.length ?? 0} characters)`);
      return;
    }
    if (decoded.envelope.from === processId) return;
    deliverFromPeer(decoded.envelope.event).catch((error: unknown) =>
      console.error('events: a listener failed on an event from another process', toError(error)),
    );
  };

  /** Connects and listens; the client is this process's listener only once LISTEN has answered. */
  async function listen(): Promise<void> {
    const candidate = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 10_000 });
    candidate.on('notification', onNotification);
    // Without an 'error' listener a dropped connection would end the process.
    candidate.on('error', (error) => lost(candidate, error.message));
    candidate.on('end', () => lost(candidate, 'the connection ended'));
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${RELAY_CHANNEL}`);
    } catch (error) {
      void candidate.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await candidate.end();
      return;
    }
    client = candidate;
    heartbeat = startHeartbeat(candidate);
  }

  /**
   * Asks `which` to LISTEN again every heartbeatMs (nothing is done for a channel it already
   * listens on, and the connection stays recognisable as the listening one in pg_stat_activity);
   * one that fails or stays silent is lost.
   */
  function startHeartbeat(which: pg.Client): NodeJS.Timeout {
    let probing = false;
    const timer = setInterval(() => {
      if (probing) return;
      probing = true;
      const silent = setTimeout(() => lost(which, `no answer within ${heartbeatMs} ms`), heartbeatMs);
      which.query(`LISTEN ${RELAY_CHANNEL}`).then(
        () => {
          clearTimeout(silent);
          probing = false;
        },
        (error: unknown) => {
          clearTimeout(silent);
          lost(which, toError(error).message);
        },
      );
    }, heartbeatMs);
    timer.unref();
    return timer;
  }

  function lost(which: pg.Client, reason: string): void {
    if (which !== client || stopped) return;
    client = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    deafSince = Date.now();
    void which.end().catch(() => undefined);
    log(`events: stopped hearing the other processes (${reason})`);
    whileDeaf();
    retry();
  }

  /**
   * While nothing is heard, every open socket is re-checked against the database every second:
   * a change made on another process meanwhile still closes what it must within about a second
   * (the promise revocation makes), and the appends are refused by the access version at once.
   */
  function whileDeaf(): void {
    if (deafRecheck) return;
    deafRecheck = setInterval(() => {
      if (!stopped && client === null) recheckOnce('while not hearing the other processes');
    }, DEAF_RECHECK_MS);
    deafRecheck.unref();
  }

  /** Queues one re-check of every open socket; one already waiting covers this one too. */
  function recheckOnce(why: string): void {
    if (recheckQueued) return;
    recheckQueued = true;
    rechecking = rechecking.then(async () => {
      recheckQueued = false;
      if (stopped) return;
      try {
        await options.recheckEverything();
      } catch (error) {
        console.error(`events: the re-check ${why} failed`, toError(error));
      }
    });
  }

  function retry(): void {
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** failures);
    failures++;
    log(`events: listening again in ${delay} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (stopped) return;
      listen().then(heardAgain, (error: unknown) => {
        log(`events: could not listen (${toError(error).message})`);
        if (!stopped) retry();
      });
    }, delay);
    retryTimer.unref();
  }

  /**
   * Every socket this process serves is re-checked once LISTEN answers again, and that is
   * enough: a change committed after LISTEN took effect is heard, and one committed before it
   * is in what the re-check reads. Sockets opened while the relay was deaf are re-checked too;
   * each was checked against the database at its upgrade, so only changes in between matter,
   * and the re-check sees them. (Until then a socket may outlive a change made on another
   * process by as long as the relay was deaf.)
   */
  function heardAgain(): void {
    if (stopped) return;
    failures = 0;
    if (deafRecheck) clearInterval(deafRecheck);
    deafRecheck = null;
    const deafMs = deafSince === null ? 0 : Date.now() - deafSince;
    deafSince = null;
    log(`events: listening again after ${deafMs} ms; re-checking every open socket`);
    rechecking = rechecking.then(async () => {
      if (stopped) return;
      const started = Date.now();
      try {
        await options.recheckEverything();
        log(`events: re-checked every open socket in ${Date.now() - started} ms`);
      } catch (error) {
        console.error('events: the re-check after listening again failed', toError(error));
      }
    });
  }

  try {
    await listen();
    log(`events: listening for the other processes' changes (process ${processId})`);
  } catch (error) {
    deafSince = Date.now();
    log(`events: could not listen (${toError(error).message})`);
    whileDeaf();
    retry();
  }

  return {
    processId,
    listening: () => client !== null,
    stop: async () => {
      stopped = true;
      uninstall();
      if (retryTimer) clearTimeout(retryTimer);
      if (heartbeat) clearInterval(heartbeat);
      if (deafRecheck) clearInterval(deafRecheck);
      const open = client;
      client = null;
      await sending;
      await open?.end().catch(() => undefined);
    },
  };
}
