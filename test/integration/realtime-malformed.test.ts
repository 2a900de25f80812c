/**
 * Malformed input through the real server, from a signed-in writer (the worst case: the socket
 * is accepted and allowed to write). Two layers:
 * - y-protocols messages: seeded random frames, truncated and padded messages, huge length
 *   prefixes, overlong varints, wrong message and sync types, garbage updates, text frames,
 *   oversized frames, sent over a `ws` client;
 * - websocket framing itself, over raw TCP after a real upgrade: unmasked frames, reserved
 *   opcodes and bits, forged 64-bit lengths, bad fragmentation, truncated frames.
 * Each case gets its own socket, which must be closed (when the input is invalid); the server
 * stays up (HTTP answers), two providers on the same document keep syncing, and the stored
 * document holds exactly their edits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { addMember, createBoard, person, planDoc } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { RawTcpWebSocket } from '../helpers/ws-frames';
import { bytesOf } from '../helpers/bytes';
import { FUZZ_MARK, frameCases, type MessageCase, messageCases } from '../helpers/malformed-cases';
import { openProvider, type ProviderClient, synced } from '../helpers/providers';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf } from '../helpers/store-reader';
import { waitFor } from '../helpers/wait';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const SEED = Number(process.env.FUZZ_SEED ?? 8_675_309);
const MESSAGE_CASES = Number(process.env.MALFORMED_CASES ?? 240);

test('malformed frames and messages from a signed-in writer close only that socket', async () => {
  const url = server.url;
  const ivy = await person(url, 'Ivy');
  const fern = await person(url, 'Fern');
  const board = await createBoard(ivy, 'Malformed');
  await addMember(ivy, board, fern, 'family');
  const plan = planDoc(board);
  const cookie = ivy.cookieHeader();
  const a: ProviderClient = openProvider(url, cookie, plan, { label: 'ivy' });
  const b: ProviderClient = openProvider(url, fern.cookieHeader(), plan, { label: 'fern' });
  const db = readStoreOf(server);
  let edits = 0;
  const liveEdit = async (label: string): Promise<void> => {
    a.doc.getText('text').insert(a.doc.getText('text').length, `${label};`);
    edits++;
    const expected = a.doc.getText('text').toString();
    await waitFor(() => b.doc.getText('text').toString() === expected, `${label}: fern keeps syncing`);
    await waitFor(async () => (await db.loggedCount(plan)) === edits, `${label}: stored`);
  };
  /** The stored document is exactly what the two providers wrote. */
  const assertStoredUnchanged = async (label: string): Promise<void> => {
    assert.equal(await db.loggedCount(plan), edits, `${label}: nothing else was logged`);
    const doc = await db.doc(plan);
    try {
      assert.equal(doc.getText('text').toString(), a.doc.getText('text').toString(), `${label}: stored text`);
      assert.deepEqual(doc.getMap('plan').toJSON(), {}, `${label}: stored map`);
      assert.deepEqual(Y.encodeStateVector(doc), Y.encodeStateVector(a.doc), `${label}: stored state vector`);
    } finally {
      doc.destroy();
    }
  };
  const assertServerUp = async (label: string): Promise<void> => {
    const res = await fetch(`${url}/api/auth/csrf`);
    assert.equal(res.status, 200, `${label}: HTTP still answers`);
    await res.arrayBuffer();
  };

  try {
    await Promise.all([synced(a), synced(b)]);
    await liveEdit('before');

    // y-protocols messages over a `ws` client.
    const cases = messageCases(SEED, MESSAGE_CASES);
    const outcomes = new Map<string, { closed: number; open: number }>();
    const runMessageCase = async (fuzz: MessageCase, index: number): Promise<void> => {
      const socket = await RawYjsSocket.connect(url, plan, cookie, `${fuzz.kind} #${index}`);
      socket.send(fuzz.payload);
      let code: number | null = null;
      try {
        await socket.roundtrip();
      } catch {
        code = (await socket.closed).code;
      }
      if (socket.isClosed) code = socket.closeInfo?.code ?? code;
      const tally = outcomes.get(fuzz.kind) ?? { closed: 0, open: 0 };
      if (code === null) tally.open++;
      else tally.closed++;
      outcomes.set(fuzz.kind, tally);
      if (fuzz.mustClose) assert.notEqual(code, null, `${fuzz.kind} #${index} (seed ${SEED}) was not closed`);
      if (code !== null)
        assert.ok(fuzz.codes.includes(code), `${fuzz.kind} #${index} (seed ${SEED}) closed with ${code}`);
      assert.equal(socket.receivedContains(bytesOf(FUZZ_MARK)), false, `${fuzz.kind} #${index}: nothing of it echoed`);
      socket.terminate();
    };
    const BATCH = 24;
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH);
      await Promise.all(batch.map((fuzz, i) => runMessageCase(fuzz, start + i)));
      const label = `message cases ${start}-${start + batch.length - 1}`;
      await assertServerUp(label);
      await assertStoredUnchanged(label);
      await liveEdit(`after ${start}`);
    }

    // Websocket framing over raw TCP.
    const frames = frameCases();
    for (const [index, fuzz] of frames.entries()) {
      const socket = await RawTcpWebSocket.connect(server.port, plan, cookie);
      for (const frame of fuzz.frames) socket.write(frame);
      if (fuzz.then === 'end') socket.end();
      if (fuzz.then === 'destroy') socket.destroy();
      if (fuzz.codes.length > 0) {
        await waitFor(() => socket.closeCode() !== null || socket.ended, `${fuzz.kind}: closed by the server`, 3000);
        const code = socket.closeCode();
        assert.ok(code !== null && fuzz.codes.includes(code), `${fuzz.kind} (#${index}) closed with ${code}`);
      } else if (fuzz.then === 'end') {
        assert.equal(await socket.closedWithin(3000), true, `${fuzz.kind}: the server hung up`);
      }
      socket.destroy();
      await assertServerUp(fuzz.kind);
      await assertStoredUnchanged(fuzz.kind);
    }
    await liveEdit('after frames');

    assert.deepEqual(a.closes, [], 'the other clients were never disconnected');
    assert.deepEqual(b.closes, []);
    assert.equal(await db.contains(bytesOf(FUZZ_MARK)), false, 'no fuzz content stored');
    assert.equal(b.doc.getText('text').toString().includes(FUZZ_MARK), false);
    assert.equal(b.doc.getMap('plan').size, 0);
    assert.ok((outcomes.get('random bytes')?.closed ?? 0) > 0, 'random bytes are mostly refused');
    const total = cases.length + frames.length;
    console.log(
      `malformed input: ${total} cases (${cases.length} y-protocols messages, seed ${SEED}; ${frames.length} websocket framing); ` +
        `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  } finally {
    await db.close();
    a.destroy();
    b.destroy();
  }
});
