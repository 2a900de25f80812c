import type { BoardClientSocket } from '@/lib/protocol/board-events';

/**
 * The board channel's client: the socket.io protocol (version 5, over Engine.IO version 4) spoken
 * on a websocket only, to the server's socket.io 4 as it is. It is the product's own rather than
 * socket.io-client because the board page has a 200 KB budget and socket.io-client is 12.9 KB of
 * it (polling, WebTransport, binary attachments, namespaces, multiplexing and buffering, none of
 * which the channel uses); this is about 1.5 KB. What it keeps of socket.io-client's behaviour:
 * - the heartbeat: the server pings every `pingInterval`, this answers, and a socket that hears
 *   no ping for `pingInterval + pingTimeout` is taken for dead and replaced;
 * - reconnection after a lost transport, with socket.io's backoff (1 s doubling to a maximum,
 *   half of it random), until `disconnect()`; never after the server disconnected it or its
 *   middleware refused it (`connect_error`), which is socket.io-client's rule too;
 * - acknowledgements, called once at most and never after the connection they were asked on.
 * What it does not keep: events emitted while not connected are dropped, not buffered (the
 * channel's only such event, the section for presence, is sent again after every join).
 */

export interface BoardSocketOptions {
  /** Opens the websocket to the server's Engine.IO endpoint (`url` is complete): Node's tests hand in `ws`. */
  openTransport?: (url: string) => WebSocket;
  /** Websocket origin of the server, e.g. `wss://board.example`; the page's own by default. */
  origin?: string;
  /** The first retry's delay, doubled on each failed one up to `reconnectionDelayMaxMs`. */
  reconnectionDelayMs?: number;
  reconnectionDelayMaxMs?: number;
  /** The longest the handshake may take before the attempt counts as failed. */
  connectTimeoutMs?: number;
}

type Listener = (...args: unknown[]) => void;

const CLOSED = 3;
// Engine.IO packet types, then socket.io's inside an Engine.IO message ('4').
const OPEN = '0';
const CLOSE = '1';
const PING = '2';
const PONG = '3';
const MESSAGE = '4';
const CONNECT = '0';
const DISCONNECT = '1';
const EVENT = '2';
const ACK = '3';
const CONNECT_ERROR = '4';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The ack id at the start of `body` (digits), and the JSON after it. */
function splitAckId(body: string): { id: number | null; payload: unknown } {
  const digits = /^\d*/.exec(body)?.[0] ?? '';
  return { id: digits === '' ? null : Number(digits), payload: parseJson(body.slice(digits.length)) };
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function heartbeatOf(payload: unknown): number | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { pingInterval, pingTimeout } = payload as { pingInterval?: unknown; pingTimeout?: unknown };
  return typeof pingInterval === 'number' && typeof pingTimeout === 'number' ? pingInterval + pingTimeout : null;
}

function browserTransport(url: string): WebSocket {
  return new WebSocket(url);
}

function pageOrigin(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
}

export function createBoardSocket(options: BoardSocketOptions = {}): BoardClientSocket {
  const openTransport = options.openTransport ?? browserTransport;
  const delayMs = options.reconnectionDelayMs ?? 1000;
  const delayMaxMs = options.reconnectionDelayMaxMs ?? 5000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
  const listeners = new Map<string, Set<Listener>>();
  let acks = new Map<number, Listener>();
  let nextAckId = 0;
  let transport: WebSocket | null = null;
  let closing: Promise<void> = Promise.resolve();
  let connected = false;
  // Wanted connected: from connect() until disconnect(), a refusal or the server's disconnect.
  let active = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  // How long a connection may go without a ping from the server (its interval and timeout).
  let heartbeatMs: number | null = null;

  const fire = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
  };
  const send = (packet: string) => {
    if (transport?.readyState === 1) transport.send(packet);
  };
  const arm = (ms: number, why: string) => {
    clearTimeout(deadline);
    deadline = setTimeout(() => lost(why), ms);
  };
  const rearmHeartbeat = () => {
    if (heartbeatMs !== null) arm(heartbeatMs, 'ping timeout');
  };

  /** Lets go of the websocket now, without waiting for its closing handshake (the network may be gone). */
  const release = () => {
    clearTimeout(deadline);
    const old = transport;
    transport = null;
    acks = new Map();
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    if (old.readyState !== CLOSED) old.close();
  };

  /** The transport went (or was given up on): tell the page, and try again if still wanted. */
  const lost = (reason: string) => {
    const was = connected;
    connected = false;
    release();
    if (was) fire('disconnect', reason);
    else if (active) fire('connect_error', new Error(reason));
    if (active) retryLater();
  };

  const retryLater = () => {
    clearTimeout(retryTimer);
    const base = Math.min(delayMs * 2 ** attempts, delayMaxMs);
    attempts += 1;
    const jittered = base * (0.5 + Math.random());
    retryTimer = setTimeout(open, Math.min(jittered, delayMaxMs));
  };

  const onSocketPacket = (packet: string) => {
    const type = packet[0];
    const { id, payload } = splitAckId(packet.slice(1));
    if (type === CONNECT) {
      rearmHeartbeat();
      connected = true;
      attempts = 0;
      fire('connect');
    } else if (type === EVENT && isList(payload) && typeof payload[0] === 'string') {
      fire(payload[0], ...payload.slice(1));
    } else if (type === ACK && id !== null && isList(payload)) {
      const ack = acks.get(id);
      acks.delete(id);
      ack?.(...payload);
    } else if (type === DISCONNECT) {
      // The server ended it (a sign-out, say): coming back is the page's decision.
      active = false;
      lost('io server disconnect');
    } else if (type === CONNECT_ERROR) {
      active = false;
      const message = (payload as { message?: unknown } | undefined)?.message;
      connected = false;
      release();
      fire('connect_error', new Error(typeof message === 'string' ? message : 'refused'));
    }
  };

  const onFrame = (data: unknown) => {
    if (typeof data !== 'string' || data === '') return;
    const type = data[0];
    if (type === OPEN) {
      heartbeatMs = heartbeatOf(parseJson(data.slice(1)));
      rearmHeartbeat();
      send(`${MESSAGE}${CONNECT}`);
    } else if (type === PING) {
      send(PONG);
      rearmHeartbeat();
    } else if (type === MESSAGE) {
      onSocketPacket(data.slice(1));
    } else if (type === CLOSE) {
      lost('transport close');
    }
  };

  function open() {
    clearTimeout(retryTimer);
    if (!active || transport) return;
    const url = `${options.origin ?? pageOrigin()}/socket.io/?EIO=4&transport=websocket`;
    let opened: WebSocket;
    try {
      opened = openTransport(url);
    } catch {
      lost('websocket error');
      return;
    }
    transport = opened;
    heartbeatMs = null;
    closing = new Promise((resolve) => opened.addEventListener('close', () => resolve()));
    arm(connectTimeoutMs, 'timeout');
    opened.onmessage = (event) => onFrame(event.data);
    opened.onclose = () => lost(connected ? 'transport close' : 'websocket error');
    opened.onerror = () => undefined; // a close follows every error
  }

  const socket: BoardClientSocket = {
    get connected() {
      return connected;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as unknown as Listener);
      listeners.set(event, set);
    },
    off(event, listener) {
      listeners.get(event)?.delete(listener as unknown as Listener);
    },
    removeAllListeners() {
      listeners.clear();
    },
    emit(event, ...args) {
      if (!connected) return;
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as Listener) : null;
      const data = ack ? args.slice(0, -1) : args;
      let id = '';
      if (ack) {
        acks.set(nextAckId, ack);
        id = String(nextAckId++);
      }
      send(`${MESSAGE}${EVENT}${id}${JSON.stringify([event, ...data])}`);
    },
    connect() {
      if (active) return;
      active = true;
      attempts = 0;
      open();
    },
    disconnect() {
      active = false;
      clearTimeout(retryTimer);
      const was = connected;
      if (was) send(`${MESSAGE}${DISCONNECT}`);
      connected = false;
      release();
      if (was) fire('disconnect', 'io client disconnect');
    },
    dropTransport() {
      if (transport) lost('forced close');
    },
    whenClosed: () => closing,
  };
  return socket;
}
