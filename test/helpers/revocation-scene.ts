/**
 * The scene of the revocation tests: one real server, four people (an interventionist of every
 * board, two relatives, a viewer), and whatever sockets a test opens, closed after each test
 * whatever happened. Call useRevocationScene() at a test file's top level (it registers the
 * clean-up hooks) and `start()` in the file's `before` hook.
 */
import assert from 'node:assert/strict';
import { after, afterEach } from 'node:test';
import type { TestClient } from './client';
import { type BoardChannelClient, openChannel, person } from './board';
import { type RunningServer, startServer } from './server';
import { openProvider, type ProviderClient } from './providers';
import { RawYjsSocket } from './sockets';

export interface ScenePeople {
  server: RunningServer;
  /** Interventionist of every board here. */
  ivy: TestClient;
  /** Family. */
  fern: TestClient;
  /** Family. */
  gus: TestClient;
  /** Viewer. */
  vera: TestClient;
}

export interface RevocationScene {
  /** Starts the server and signs the four people up; call it from the file's `before` hook. */
  start(): Promise<ScenePeople>;
  provider(who: TestClient, docName: string, label: string): ProviderClient;
  raw(who: TestClient, docName: string, label: string): Promise<RawYjsSocket>;
  channel(who: TestClient, boardId: string): Promise<BoardChannelClient>;
  /** 101 when the upgrade opened a socket (closed again at once), else the HTTP status. */
  upgradeStatus(who: TestClient, docName: string): Promise<number>;
}

export function useRevocationScene(): RevocationScene {
  let people: ScenePeople | undefined;
  const opened: { providers: ProviderClient[]; raws: RawYjsSocket[]; channels: BoardChannelClient[] } = {
    providers: [],
    raws: [],
    channels: [],
  };
  after(async () => {
    await people?.server.dispose();
  });
  afterEach(() => {
    for (const p of opened.providers.splice(0)) p.destroy();
    for (const r of opened.raws.splice(0)) r.terminate();
    for (const c of opened.channels.splice(0)) c.close();
  });
  const url = (): string => {
    if (!people) throw new Error('start() the scene in a before hook first');
    return people.server.url;
  };
  return {
    async start() {
      // One viewer holds 120 sockets at once to load the re-checks (staging test): past a
      // person's caps (docs/realtime.md, section 7), which these tests are not about.
      const server = await startServer({
        env: { REALTIME_LIMITS: JSON.stringify({ maxSocketsPerSession: 1000, maxSocketsPerUser: 1000 }) },
      });
      people = {
        server,
        ivy: await person(server.url, 'Ivy'),
        fern: await person(server.url, 'Fern'),
        gus: await person(server.url, 'Gus'),
        vera: await person(server.url, 'Vera'),
      };
      return people;
    },
    provider(who, docName, label) {
      const client = openProvider(url(), who.cookieHeader(), docName, { label });
      opened.providers.push(client);
      return client;
    },
    async raw(who, docName, label) {
      const socket = await RawYjsSocket.connect(url(), docName, who.cookieHeader(), label);
      opened.raws.push(socket);
      await socket.roundtrip();
      return socket;
    },
    async channel(who, boardId) {
      const client = await openChannel(url(), who.cookieHeader());
      opened.channels.push(client);
      const joined = await client.join(boardId);
      assert.equal(joined.ok, true, `${who.name} joins the board channel`);
      return client;
    },
    async upgradeStatus(who, docName) {
      const outcome = await RawYjsSocket.open(url(), docName, who.cookieHeader());
      if (outcome.opened) {
        outcome.socket.terminate();
        return 101;
      }
      return outcome.status;
    },
  };
}

export const planText = (c: ProviderClient): string => c.doc.getText('text').toString();
export const lettersSharePath = (boardId: string): string => `/api/boards/${boardId}/attempts/1/letters/share`;

/** Runs a change and returns when it finished, to check "within a second" against. */
export async function timed(action: () => Promise<void>): Promise<number> {
  await action();
  return Date.now();
}

export function assertClosedBy(deadline: number, closedAt: number | undefined, label: string): void {
  assert.ok(closedAt !== undefined, `${label} was closed`);
  assert.ok(closedAt <= deadline, `${label} closed ${closedAt - (deadline - 1000)} ms after the change`);
}
