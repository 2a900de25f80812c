/** The verified identity behind a request or a socket: a user and the session they signed in with. */
export interface Principal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
}
