/**
 * The access table of docs/realtime.md (section 3), enforced end to end by the real server: every role x every
 * kind of document x read, write, awareness and history. Assertions are on what reaches the
 * socket (every byte is recorded), on the server's stored state (its SQLite file, rebuilt with
 * server/update-log/rebuild.ts) and on the history API.
 *
 * The expected access is written out here, from docs/realtime.md, independently of lib/permissions.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { personHex } from '../../lib/person-colour';
import type { TestClient } from '../helpers/client';
import {
  addMember,
  anotherSession,
  createBoard,
  debriefDoc,
  expectStatus,
  lettersDoc,
  notesDoc,
  person,
  planDoc,
} from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { bytesOf } from '../helpers/bytes';
import { awarenessMessage, awarenessPayload, syncStep2, syncUpdate, textUpdate } from '../helpers/frames';
import { awarenessSeenBy, RawYjsSocket } from '../helpers/sockets';
import { readStoreOf, type StoreReader } from '../helpers/store-reader';
import { waitFor } from '../helpers/wait';

let server: RunningServer;
let store: StoreReader | null = null;
before(async () => {
  server = await startServer();
});
after(async () => {
  await store?.close();
  await server?.dispose();
});

type Access = 'none' | 'read' | 'write';
type MemberRole = 'interventionist' | 'familyOwner' | 'familyOther' | 'viewer' | 'stranger';
type RoleKey = MemberRole | 'noSession' | 'revokedSession';

interface Actor {
  key: RoleKey;
  cookie: string | null;
  /** Who is signed in, for the identity the server writes into their presence. */
  person: TestClient | null;
}

/** The presence identity the server sets from the session, whatever the socket announced. */
const identityOf = (who: TestClient | null) =>
  who ? { userId: who.userId, name: who.name, color: personHex(who.userId) } : null;

interface DocCase {
  variant: string;
  name: string;
  /** The board whose URL serves this document's history. */
  historyBoard: string;
  secret: string | null;
  access: Record<MemberRole, Access>;
}

const W: Access = 'write';
const R: Access = 'read';
const N: Access = 'none';

function table(
  interventionist: Access,
  familyOwner: Access,
  familyOther: Access,
  viewer: Access,
): Record<MemberRole, Access> {
  return { interventionist, familyOwner, familyOther, viewer, stranger: N };
}
const NOBODY = table(N, N, N, N);

const hex = (): string => randomBytes(6).toString('hex');

/** Everything recorded for the final, global assertions. */
interface SocketRecord {
  socket: RawYjsSocket;
  docName: string;
  access: Access;
}
interface MarkerRecord {
  marker: string;
  docName: string;
  stored: boolean;
}

test('every role x every document kind x read, write, awareness and history', async () => {
  const url = server.url;
  const ivy = await person(url, 'Ivy'); // interventionist of the board
  const fern = await person(url, 'Fern'); // family, owner of the letters under test
  const gus = await person(url, 'Gus'); // family, someone else
  const vera = await person(url, 'Vera'); // viewer
  const stan = await person(url, 'Stan'); // signed in, not a member
  const xena = await person(url, 'Xena'); // interventionist of another board
  const revoked = await anotherSession(url, ivy);
  const revokedCookie = revoked.cookieHeader();
  await revoked.signOut();
  assert.equal((await fetch(`${url}/api/boards`, { headers: { cookie: revokedCookie } })).status, 401, 'signed out');

  const board = await createBoard(ivy);
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  await addMember(ivy, board, vera, 'viewer');
  const other = await createBoard(xena, 'Another family');

  const actors: Actor[] = [
    { key: 'interventionist', cookie: ivy.cookieHeader(), person: ivy },
    { key: 'familyOwner', cookie: fern.cookieHeader(), person: fern },
    { key: 'familyOther', cookie: gus.cookieHeader(), person: gus },
    { key: 'viewer', cookie: vera.cookieHeader(), person: vera },
    { key: 'stranger', cookie: stan.cookieHeader(), person: stan },
    { key: 'noSession', cookie: null, person: null },
    { key: 'revokedSession', cookie: revokedCookie, person: null },
  ];
  const ivyCookie = ivy.cookieHeader();

  // Seed every real document with a secret of its own, written by one of its writers.
  const secrets = new Map<string, string>();
  const seed = async (writer: TestClient, docName: string): Promise<string> => {
    const secret = `SECRET-${hex()}-${docName.split('/')[2] ?? ''}`;
    const socket = await RawYjsSocket.connect(url, docName, writer.cookieHeader(), `seed ${docName}`);
    socket.send(syncUpdate(textUpdate(secret, 'text')));
    await socket.roundtrip();
    socket.close();
    await socket.closed;
    secrets.set(docName, secret);
    return secret;
  };
  const plan = planDoc(board);
  const letters = lettersDoc(board, fern.userId);
  const notes = notesDoc(board);
  const debrief = debriefDoc(board);
  const otherPlan = planDoc(other);
  const otherNotes = notesDoc(other);
  const otherLetters = lettersDoc(other, xena.userId);
  await seed(ivy, plan);
  await seed(fern, letters);
  await seed(ivy, notes);
  await seed(gus, debrief);
  await seed(xena, otherPlan);
  await seed(xena, otherNotes);
  await seed(xena, otherLetters);

  store = readStoreOf(server);
  const db = store;
  /** A field's stored text, read through the server's own rebuild on either database. */
  const storedText = async (docName: string, field: string): Promise<string> => {
    const doc = await db.doc(docName);
    try {
      return doc.getText(field).toString();
    } finally {
      doc.destroy();
    }
  };
  for (const [docName, secret] of secrets) {
    assert.ok((await storedText(docName, 'text')) === secret, `${docName} seeded`);
  }

  const malformed = [
    `board/${board}/attempt/0`,
    `board/${board}/attempt/01`,
    `board/${board}/attempt/100`,
    `board/${board}/attempt/2`, // well formed, but the board has no attempt 2
    `board/${board}/letters/2/${fern.userId}`, // likewise
    `board/${board}/attempt/1x`,
    `board/${board}/attempt/1/extra`,
    `board/${board}/notes/x`,
    `board/${board}/letters/1`,
    `board/${board}/letters/1/short`,
    `board/${board}/letters/1/${fern.userId}/`,
    `Board/${board}/notes`,
    `board//attempt/1`,
    `board/${board.slice(0, 10)}/notes`,
    `board/${board}/n\u043etes`, // Cyrillic o
    `board/${board}/notes\u0000`,
    `board/${board}/${'x'.repeat(600)}`,
    `board/${board}/debrief`,
    `board/${board}/debrief/0`,
    `board/${board}/debrief/2`, // well formed, but the board has no attempt 2
    `board/${board}/debrief/1/${fern.userId}`,
  ];

  const socketRecords: SocketRecord[] = [];
  const markers: MarkerRecord[] = [];
  let cases = 0;
  let awarenessId = 1_000_000 + Math.floor(Math.random() * 1_000_000);

  const refusedStatus = (actor: Actor): number =>
    actor.key === 'noSession' || actor.key === 'revokedSession' ? 401 : 404;
  const accessOf = (actor: Actor, doc: DocCase): Access =>
    actor.key === 'noSession' || actor.key === 'revokedSession' ? N : doc.access[actor.key];

  const open = async (actor: Actor, doc: DocCase, op: string) => {
    const label = `${actor.key} ${op} ${doc.variant}`;
    const outcome = await RawYjsSocket.open(url, doc.name, actor.cookie, { label });
    const access = accessOf(actor, doc);
    socketRecords.push({ socket: outcome.socket, docName: doc.name, access });
    if (access === 'none') {
      assert.equal(outcome.opened, false, `${label}: the upgrade must be refused`);
      if (!outcome.opened) {
        assert.equal(outcome.status, refusedStatus(actor), `${label}: refusal status`);
        assert.equal(outcome.bodyBytes, 0, `${label}: refusal has no body`);
      }
      assert.equal(outcome.socket.frames.length, 0, `${label}: no frame`);
      return null;
    }
    assert.equal(outcome.opened, true, `${label}: the upgrade must succeed`);
    return outcome.socket;
  };

  const finish = async (socket: RawYjsSocket): Promise<void> => {
    socket.close();
    await socket.closed;
  };

  const readCase = async (actor: Actor, doc: DocCase): Promise<void> => {
    const socket = await open(actor, doc, 'read');
    if (!socket) return;
    await socket.roundtrip();
    const learned = socket.learnedDoc();
    if (doc.secret !== null)
      assert.ok(learned.getText('text').toString().includes(doc.secret), `${actor.key} reads ${doc.variant}`);
    learned.destroy();
    await finish(socket);
  };

  const writeCase = async (actor: Actor, doc: DocCase): Promise<void> => {
    const marker = `WRITE-${cases}-${hex()}`;
    const access = accessOf(actor, doc);
    markers.push({ marker, docName: doc.name, stored: access === 'write' });
    const socket = await open(actor, doc, 'write');
    if (!socket) return;
    // A live update, and the same content as a sync step 2 (what a provider sends on connect).
    socket.send(syncUpdate(textUpdate(`${marker}/update`, 'probe')));
    socket.send(syncStep2(textUpdate(`${marker}/step2`, 'probe')));
    await socket.roundtrip();
    assert.equal(socket.isClosed, false, `${actor.key} write ${doc.variant}: a reader's update is dropped quietly`);
    const stored = await storedText(doc.name, 'probe');
    for (const part of [`${marker}/update`, `${marker}/step2`]) {
      assert.equal(
        stored.includes(part),
        access === 'write',
        `${actor.key} write ${doc.variant}: ${part} stored iff writer`,
      );
    }
    await finish(socket);
  };

  const awarenessCase = async (actor: Actor, doc: DocCase): Promise<void> => {
    const access = accessOf(actor, doc);
    if (access === 'none') {
      await open(actor, doc, 'awareness');
      return;
    }
    // The interventionist can read every document of the board in every phase: the observer.
    assert.notEqual(doc.access.interventionist, 'none');
    const observer = await RawYjsSocket.connect(url, doc.name, ivyCookie, `observer of ${doc.variant}`);
    socketRecords.push({ socket: observer, docName: doc.name, access: doc.access.interventionist });
    const observerId = awarenessId++;
    observer.send(
      awarenessMessage(awarenessPayload([{ clientId: observerId, clock: 1, state: { user: 'observer' } }])),
    );
    await observer.roundtrip();
    const socket = await open(actor, doc, 'awareness');
    assert.ok(socket);
    // Who is here is sent on join.
    await waitFor(() => awarenessSeenBy(socket).has(observerId), `${actor.key} sees presence on ${doc.variant}`);
    const ownId = awarenessId++;
    const foreignId = awarenessId++;
    const state = { user: actor.key, marker: `AWARE-${hex()}` };
    socket.send(awarenessMessage(awarenessPayload([{ clientId: ownId, clock: 1, state }])));
    // One id per socket: another id, or the observer's, is dropped.
    socket.send(awarenessMessage(awarenessPayload([{ clientId: foreignId, clock: 1, state: { spoof: true } }])));
    socket.send(awarenessMessage(awarenessPayload([{ clientId: observerId, clock: 7, state: { spoof: true } }])));
    await socket.roundtrip();
    await observer.roundtrip();
    const seen = awarenessSeenBy(observer);
    // ...under the identity of the session, not the one it wrote (server/yjs/presence-identity.ts).
    assert.deepEqual(
      seen.get(ownId),
      { ...state, user: identityOf(actor.person) },
      `${actor.key} presence on ${doc.variant} reaches the others`,
    );
    assert.equal(seen.has(foreignId), false, `${actor.key} cannot announce a second id`);
    assert.deepEqual(seen.get(observerId), { user: identityOf(ivy) }, `${actor.key} cannot take another socket's id`);
    await finish(socket);
    await waitFor(() => !awarenessSeenBy(observer).has(ownId), `${actor.key} presence removed on close`);
    await finish(observer);
  };

  const historyCase = async (actor: Actor, doc: DocCase): Promise<void> => {
    const access = accessOf(actor, doc);
    const boards = doc.historyBoard === board ? [board] : [doc.historyBoard, board];
    for (const boardId of boards) {
      const res = await fetch(`${url}/api/boards/${boardId}/history?doc=${encodeURIComponent(doc.name)}`, {
        headers: actor.cookie ? { cookie: actor.cookie } : {},
      });
      const text = await res.text();
      const label = `${actor.key} history of ${doc.variant} via ${boardId === board ? 'this' : 'its'} board`;
      for (const secret of secrets.values()) assert.equal(text.includes(secret), false, `${label}: never content`);
      if (actor.key === 'noSession' || actor.key === 'revokedSession') {
        assert.equal(res.status, 401, label);
      } else if (access === 'none' || boardId !== doc.historyBoard) {
        // The query schema bounds doc names to 200 characters: longer ones are a 400.
        assert.equal(res.status, doc.name.length > 200 ? 400 : 404, label);
      } else {
        assert.equal(res.status, 200, label);
        const body = JSON.parse(text) as { doc: string; changes: Array<Record<string, unknown>> };
        assert.equal(body.doc, doc.name);
        assert.ok(body.changes.length >= 1, `${label}: the seeded update is listed`);
        for (const change of body.changes)
          assert.deepEqual(Object.keys(change).sort(), ['at', 'seq', 'size', 'userId']);
      }
    }
  };

  const runPhase = async (docs: DocCase[]): Promise<void> => {
    for (const doc of docs) {
      for (const actor of actors) {
        await readCase(actor, doc);
        await writeCase(actor, doc);
        await awarenessCase(actor, doc);
        await historyCase(actor, doc);
        cases += 4;
      }
    }
  };

  const docCase = (
    variant: string,
    name: string,
    access: Record<MemberRole, Access>,
    historyBoard = board,
  ): DocCase => ({
    variant,
    name,
    historyBoard,
    secret: secrets.get(name) ?? null,
    access,
  });

  // Phase 1: attempt open, letters not shared.
  await runPhase([
    docCase('plan', plan, table(W, W, W, R)),
    docCase('letters (unshared)', letters, table(W, W, N, N)),
    docCase('notes', notes, table(W, N, N, N)),
    // Participants write the debrief, viewers read it.
    docCase('debrief', debrief, table(W, W, W, R)),
    // A viewer has no letters of their own, so letters named after one do not exist, for the
    // interventionist too (who may open any participant's).
    docCase('letters named after the viewer', lettersDoc(board, vera.userId), NOBODY),
    docCase('plan of another board', otherPlan, NOBODY, other),
    docCase('notes of another board', otherNotes, NOBODY, other),
    docCase('letters of another board', otherLetters, NOBODY, other),
    ...malformed.map((name, i) => docCase(`malformed #${i} ${JSON.stringify(name.slice(0, 60))}`, name, NOBODY)),
  ]);

  // Phase 2: the owner shares their letters.
  await expectStatus(fern, 'PUT', `/api/boards/${board}/attempts/1/letters/share`, { shared: true }, 200);
  await runPhase([docCase('letters (shared)', letters, table(W, W, R, R))]);

  // Phase 3: the interventionist freezes the attempt.
  await expectStatus(ivy, 'PUT', `/api/boards/${board}/attempts/1/freeze`, { frozen: true }, 200);
  await runPhase([
    docCase('plan (frozen)', plan, table(R, R, R, R)),
    docCase('letters (shared, frozen)', letters, table(R, R, R, R)),
    docCase('notes (attempt frozen)', notes, table(W, N, N, N)),
    // The debrief happens after the intervention: freezing does not close it.
    docCase('debrief (attempt frozen)', debrief, table(W, W, W, R)),
  ]);

  // Phase 4: the owner takes the letters back, attempt still frozen.
  await expectStatus(fern, 'PUT', `/api/boards/${board}/attempts/1/letters/share`, { shared: false }, 200);
  await runPhase([docCase('letters (unshared, frozen)', letters, table(R, R, N, N))]);

  // A member of both boards still cannot read one board's document through the other's URL.
  await addMember(xena, other, fern, 'family');
  const cross = await fern.json('GET', `/api/boards/${board}/history?doc=${encodeURIComponent(otherPlan)}`);
  assert.equal(cross.status, 404, 'history of another board through this board');
  const direct = await fern.json('GET', `/api/boards/${other}/history?doc=${encodeURIComponent(otherPlan)}`);
  assert.equal(direct.status, 200, 'the same history through its own board');
  cases += 2;

  // Global assertions over every byte received and everything stored.
  for (const record of socketRecords) {
    const { socket, docName, access } = record;
    if (access === 'none') {
      assert.equal(socket.opened, false, `${socket.label}: never opened`);
      assert.equal(socket.totalBytes(), 0, `${socket.label}: received nothing`);
    }
    for (const [secretDoc, secret] of secrets) {
      if (secretDoc === docName && access !== 'none') continue;
      assert.equal(
        socket.receivedContains(bytesOf(secret)),
        false,
        `${socket.label} received the secret of ${secretDoc}`,
      );
    }
    for (const marker of markers) {
      if (marker.stored && marker.docName === docName) continue;
      assert.equal(
        socket.receivedContains(bytesOf(marker.marker)),
        false,
        `${socket.label} received refused write ${marker.marker}`,
      );
    }
  }
  let storedWrites = 0;
  for (const marker of markers) {
    assert.equal(
      await db.contains(bytesOf(marker.marker)),
      marker.stored,
      `${marker.marker} on ${marker.docName} stored?`,
    );
    if (marker.stored) storedWrites++;
  }
  const known = new Set([plan, letters, notes, debrief, otherPlan, otherNotes, otherLetters]);
  for (const name of await db.docNames()) assert.ok(known.has(name), `nothing stored under ${JSON.stringify(name)}`);

  console.log(
    `access matrix: ${cases} cases (${actors.length} roles, ${socketRecords.length} sockets, ` +
      `${markers.length} write attempts of which ${storedWrites} by writers were stored)`,
  );
});
