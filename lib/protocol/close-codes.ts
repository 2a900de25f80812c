/**
 * WebSocket close codes shared by the Yjs server and its clients.
 *
 * Private codes (4000-4999) follow y-websocket's convention so that even a bare
 * `WebsocketProvider` (without connectDoc) does the right thing:
 * - 4400-4499 mirror HTTP 4xx: the server decided, and reconnecting cannot fix it (terminal);
 * - 4500-4599 mean "try again later" (transient);
 * - 4300-4399 mean "reconnect now, you will get a different connection" (transient), like a
 *   3xx redirect: used when a record changed what this socket may do.
 */
export const CloseCode = {
  /** The server is restarting or shutting down; reconnect (RFC 6455 "Service Restart"). */
  ServerShutdown: 1012,
  /** Unexpected server-side failure; the client should reconnect and resync. */
  InternalError: 1011,
  /** A frame above the payload limit; `ws` sends this itself when maxPayload is exceeded. */
  MessageTooBig: 1009,
  /** The client does not read fast enough and the server's send buffer grew too large. */
  TryAgainLater: 1013,
  /** Write access became read access: reconnect and receive a read-only connection. */
  AccessReduced: 4301,
  /** Read access became write access: reconnect so that unsent local edits are synced. */
  AccessIncreased: 4302,
  /** The client sent bytes that are not a valid message of the protocol. */
  MalformedMessage: 4400,
  /** The session behind this socket is gone (signed out, expired). */
  NotAuthenticated: 4401,
  /** The user may no longer see this document (removed, letter unshared...). */
  AccessRevoked: 4403,
  /**
   * The update would take the document, or its author, past what the update log takes in an
   * hour. Terminal: a reconnect would resend the same update in its sync step 2 at once; the
   * page keeps it in its local copy, and a reload after a while sends it.
   */
  QuotaExceeded: 4413,
  /** The client sent more messages than the rate limit allows. */
  RateLimited: 4529,
  /** This session, or this person, has as many document sockets open as allowed; retry later. */
  TooManySockets: 4530,
  /** This person has as many documents open as allowed; retry once one is closed. */
  TooManyDocuments: 4531,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/**
 * Whether a client must stop reconnecting after the server closed its socket with `code`.
 * MessageTooBig is terminal because the oversized update is still pending on the client: a
 * reconnect would resend it in sync step 2 and be closed again, forever.
 */
export function isTerminalCloseCode(code: number): boolean {
  if (code === CloseCode.MessageTooBig) return true;
  return code >= 4400 && code < 4500;
}

/** A short human-readable reason for a code, sent in the close frame (max 123 bytes). */
export function closeReason(code: number): string {
  for (const [name, value] of Object.entries(CloseCode)) {
    if (value === code) return name;
  }
  return 'Closed';
}
