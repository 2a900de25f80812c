/** The verified identity behind a request or a socket: a user and the session they signed in with. */
export interface Principal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  /** The session was opened as a shared or family computer: nothing of a board is kept in the browser. */
  shared: boolean;
}

/**
 * Who a session token names, once its signature and expiry are verified; whether that session
 * is still live is a separate check (principalForSession).
 */
export interface SessionClaims {
  sessionId: string;
  userId: string;
}
