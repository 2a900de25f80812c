/** What a principal may do with one document, as decided by the project's permission function. */
export type DocAccess = 'none' | 'read' | 'write';

/**
 * The signed-in user behind a socket, from the session: the session id lets docAccess refuse
 * revoked sessions; the name is what the others see in presence (set by the server, never by
 * the browser: presence-identity.ts).
 */
export interface Principal {
  userId: string;
  sessionId: string;
  name: string;
}
