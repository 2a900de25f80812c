/** The verified identity behind a request or a socket: a user and the session they signed in with. */
export interface Principal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  /** The session was opened as a shared or family computer: nothing of a board is kept in the browser. */
  shared: boolean;
}
