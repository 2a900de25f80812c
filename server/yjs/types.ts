/** What a principal may do with one document, as decided by the project's permission function. */
export type DocAccess = 'none' | 'read' | 'write';

/** The signed-in user behind a socket; the session id lets docAccess refuse revoked sessions. */
export interface Principal {
  userId: string;
  sessionId: string;
}
