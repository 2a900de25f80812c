/**
 * People, boards and the socket.io board channel, for the realtime integration tests.
 * Everything goes through the public HTTP API and the session cookie, as a browser would.
 */
import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import type { Role } from '../../lib/roles';
import { TestClient, uniqueEmail } from './client';
import { waitFor } from './wait';

export async function person(baseUrl: string, label: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  await client.register(uniqueEmail(label.toLowerCase().replace(/[^a-z]/g, '')), label);
  return client;
}

/**
 * Another sign-in (a second session, e.g. another device) of the same person, as the browser
 * `userAgent` says, on a shared computer when `shared`.
 */
export async function anotherSession(
  baseUrl: string,
  who: TestClient,
  options: { userAgent?: string; shared?: boolean; password?: string } = {},
): Promise<TestClient> {
  const client = new TestClient(baseUrl, options.userAgent);
  assert.ok(
    await client.signIn(who.email, options.password, { shared: options.shared }),
    `another sign-in of ${who.name}`,
  );
  return client;
}

export async function createBoard(owner: TestClient, title = 'Helping Sam'): Promise<string> {
  const created = await owner.json<{ board: { id: string } }>('POST', '/api/boards', { title });
  assert.equal(created.status, 201, 'board created');
  return created.body.board.id;
}

/** An invite link for `label` with `role`: its token and its id. */
export async function invite(
  owner: TestClient,
  boardId: string,
  role: Role,
  label = 'Someone',
): Promise<{ token: string; inviteId: string }> {
  const created = await owner.json<{ token: string; invite: { id: string } }>(
    'POST',
    `/api/boards/${boardId}/invites`,
    { role, label },
  );
  assert.equal(created.status, 201, `invite created: ${JSON.stringify(created.body)}`);
  return { token: created.body.token, inviteId: created.body.invite.id };
}

/** The interventionist approves (or refuses) the account that used an invite. */
export async function decideInvite(
  owner: TestClient,
  boardId: string,
  inviteId: string,
  decision: 'approved' | 'refused' = 'approved',
): Promise<void> {
  const decided = await owner.json('PUT', `/api/boards/${boardId}/invites/${inviteId}/decision`, { decision });
  assert.equal(decided.status, 200, `invite ${decision}: ${JSON.stringify(decided.body)}`);
}

/** Adds `member` to the board with `role`: an invite they accept, which the owner approves. */
export async function addMember(owner: TestClient, boardId: string, member: TestClient, role: Role): Promise<void> {
  const { token, inviteId } = await invite(owner, boardId, role, member.name);
  const accepted = await member.json('POST', `/api/invites/${token}/accept`);
  assert.equal(accepted.status, 200, `${member.name} accepted`);
  await decideInvite(owner, boardId, inviteId);
}

/** A new person who joins the board with `role` through an invite. */
export async function joinAs(owner: TestClient, boardId: string, role: Role, label: string): Promise<TestClient> {
  const member = await person(owner.baseUrl, label);
  await addMember(owner, boardId, member, role);
  return member;
}

export async function expectStatus(
  who: TestClient,
  method: string,
  path: string,
  body: unknown,
  status: number,
): Promise<void> {
  const res = await who.json(method, path, body);
  assert.equal(res.status, status, `${method} ${path} by ${who.name}: ${JSON.stringify(res.body)}`);
}

export const planDoc = (boardId: string, attempt = 1): string => `board/${boardId}/attempt/${attempt}`;
export const lettersDoc = (boardId: string, ownerId: string, attempt = 1): string =>
  `board/${boardId}/letters/${attempt}/${ownerId}`;
export const notesDoc = (boardId: string): string => `board/${boardId}/notes`;
export const debriefDoc = (boardId: string, attempt = 1): string => `board/${boardId}/debrief/${attempt}`;

/** Polls until the server answers HTTP (restart() may resolve before the new process listens). */
export function waitForHttp(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  return waitFor(answersHttp(baseUrl), `${baseUrl} to answer HTTP`, timeoutMs, 50);
}

function answersHttp(baseUrl: string): () => Promise<boolean> {
  return async () => {
    try {
      const res = await fetch(`${baseUrl}/api/auth/csrf`);
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      // not listening yet
      return false;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// socket.io board channel

export interface ChannelEvent {
  name: string;
  payload: unknown;
  at: number;
}

export interface BoardChannelClient {
  socket: Socket;
  events: ChannelEvent[];
  disconnects: Array<{ reason: string; at: number }>;
  named(name: string): ChannelEvent[];
  join(boardId: string): Promise<{ ok: boolean; role?: string; error?: string }>;
  close(): void;
}

/**
 * A socket.io client of its own (no multiplexing), authenticated by the session cookie. It sends
 * the Origin of the app's page unless `options.origin` names another.
 */
export async function openChannel(
  baseUrl: string,
  cookie: string,
  options: { origin?: string } = {},
): Promise<BoardChannelClient> {
  const socket = io(baseUrl, {
    path: '/socket.io/',
    transports: ['websocket'],
    // The Origin a page of the app sends with its handshake (server/http/origin.ts).
    extraHeaders: { cookie, origin: options.origin ?? new URL(baseUrl).origin },
    forceNew: true,
    reconnection: false,
  });
  const events: ChannelEvent[] = [];
  const disconnects: BoardChannelClient['disconnects'] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload, at: Date.now() }));
  socket.on('disconnect', (reason) => disconnects.push({ reason, at: Date.now() }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return {
    socket,
    events,
    disconnects,
    named: (name) => events.filter((e) => e.name === name),
    join: (boardId) =>
      socket.timeout(5000).emitWithAck('board:join', { boardId }) as Promise<{
        ok: boolean;
        role?: string;
        error?: string;
      }>,
    close: () => {
      socket.disconnect();
    },
  };
}
