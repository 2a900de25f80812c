/**
 * Who someone is in presence (the name on a field, a letter's caret) comes from their session,
 * never from what their browser writes: the sync server sets the `user` of every awareness state
 * a socket sends (server/yjs/presence-identity.ts). Threat: a viewer, or the loved one holding a
 * relative's phone, appearing on the board as the interventionist.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personHex } from '../../lib/person-colour';
import type { TestClient } from '../helpers/client';
import { addMember, createBoard, person, planDoc } from '../helpers/board';
import { awarenessMessage, awarenessPayload } from '../helpers/frames';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { awarenessSeenBy, RawYjsSocket } from '../helpers/sockets';
import { waitFor } from '../helpers/wait';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const identity = (who: TestClient) => ({ userId: who.userId, name: who.name, color: personHex(who.userId) });

test("a viewer announcing the interventionist's id and name is shown to the others as the viewer", async () => {
  const ivy = await person(server.url, 'Ivy');
  const vera = await person(server.url, 'Vera');
  const board = await createBoard(ivy, 'Who is here');
  await addMember(ivy, board, vera, 'viewer');
  const ivyPlan = await openDoc(ivy, planDoc(board));
  ivyPlan.provider.awareness.setLocalStateField('user', identity(ivy));

  // Vera's page, as a script would rewrite it: her provider claims to be Ivy.
  const veraPlan = await openDoc(vera, planDoc(board));
  veraPlan.provider.awareness.setLocalState({ user: identity(ivy), field: 'approach:-:goals' });
  const stateOf = (clientId: number) => ivyPlan.provider.awareness.getStates().get(clientId);
  await waitFor(() => stateOf(veraPlan.doc.clientID)?.['field'] === 'approach:-:goals', "Ivy sees Vera's presence");
  assert.deepEqual(stateOf(veraPlan.doc.clientID), { user: identity(vera), field: 'approach:-:goals' });

  // A raw socket of hers, with its own id and a made-up name: the same.
  const raw = await RawYjsSocket.connect(server.url, planDoc(board), vera.cookieHeader(), 'raw Vera');
  const forged = { user: { userId: ivy.userId, name: 'Ivy (your interventionist)', color: '#000000' } };
  raw.send(awarenessMessage(awarenessPayload([{ clientId: 4242, clock: 1, state: forged }])));
  await raw.roundtrip();
  await waitFor(() => stateOf(4242) !== undefined, "Ivy sees the raw socket's presence");
  assert.deepEqual(stateOf(4242), { user: identity(vera) });
  // Anyone who joins later is sent the corrected state as well.
  const late = await RawYjsSocket.connect(server.url, planDoc(board), ivy.cookieHeader(), 'late Ivy');
  await late.roundtrip();
  assert.deepEqual(awarenessSeenBy(late).get(4242), { user: identity(vera) });
  assert.deepEqual(awarenessSeenBy(late).get(ivyPlan.doc.clientID), { user: identity(ivy) });

  for (const socket of [raw, late]) socket.close();
  ivyPlan.destroy();
  veraPlan.destroy();
});
