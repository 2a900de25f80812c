import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { RoomManager } from './room-manager';
import { LoadCancelledError, type DocStorage, type StoredParts } from './storage';

const DOC = 'board/b1/attempt/1';

/** A stored document of `count` updates, each a part of its own: with loadTurnMs 0, a turn each. */
function storedUpdates(count: number): StoredParts {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  for (let i = 0; i < count; i++) doc.getText('text').insert(i, 'x');
  doc.destroy();
  return { parts, seq: count, checkpointSeq: 0, replayed: count };
}

/** Storage in memory, counting reads; `broken` makes reading throw. */
function memoryStorage(stored: StoredParts): DocStorage & { reads: number; broken: boolean } {
  return {
    reads: 0,
    broken: false,
    readLatest(): StoredParts {
      this.reads++;
      if (this.broken) throw new Error('disk unavailable');
      return stored;
    },
    appendAt: () => undefined,
    remove: () => undefined,
    writeCheckpoint: () => undefined,
    transaction: (work) => work(),
  };
}

function manager(storage: DocStorage, events: string[]): RoomManager {
  return new RoomManager(storage, 1000, (event) => events.push(event), { keepMs: 60_000, maxRooms: 10 }, undefined, 0);
}

test('loads that overlap build one room across turns, each caller holding it', async () => {
  const storage = memoryStorage(storedUpdates(40));
  const events: string[] = [];
  const rooms = manager(storage, events);
  const first = rooms.load(DOC);
  assert.equal(rooms.isLoading(DOC), true);
  assert.equal(rooms.isLoaded(DOC), false);
  // Other turns run while it loads: the second caller comes some turns later.
  let turns = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      turns++;
      if (turns === 5) resolve();
      else setImmediate(tick);
    };
    setImmediate(tick);
  });
  assert.equal(rooms.isLoading(DOC), true, 'still loading after five turns');
  const second = rooms.load(DOC);
  const [a, b] = await Promise.all([first, second]);
  assert.equal(a, b, 'one room');
  assert.equal(a.doc.getText('text').toString(), 'x'.repeat(40));
  assert.equal(a.seq, 40);
  assert.equal(storage.reads, 1);
  assert.deepEqual(
    events.filter((e) => e === 'yjs.room-loaded'),
    ['yjs.room-loaded'],
  );
  // Both hold it: the room is parked only when both have let go.
  rooms.release(a);
  assert.deepEqual([rooms.count, rooms.parkedCount], [1, 0]);
  rooms.release(b);
  assert.deepEqual([rooms.count, rooms.parkedCount], [0, 1]);
  // A load of a parked room takes it at once.
  assert.equal(await rooms.load(DOC), a);
  rooms.release(a);
  rooms.unloadParked();
});

test('a cancelled load rejects every caller and leaves no room; a failed one parks nothing', async () => {
  const storage = memoryStorage(storedUpdates(40));
  const events: string[] = [];
  const rooms = manager(storage, events);
  const first = rooms.load(DOC);
  const second = rooms.load(DOC);
  await new Promise((resolve) => setImmediate(resolve));
  rooms.discard('board/b1/');
  await assert.rejects(first, LoadCancelledError);
  await assert.rejects(second, LoadCancelledError);
  assert.deepEqual([rooms.count, rooms.parkedCount, rooms.isLoading(DOC)], [0, 0, false]);
  assert.equal(events.includes('yjs.room-loaded'), false);

  storage.broken = true;
  await assert.rejects(rooms.load(DOC), /disk unavailable/);
  assert.deepEqual([rooms.count, rooms.parkedCount, rooms.isLoading(DOC)], [0, 0, false]);
  storage.broken = false;
  const room = await rooms.load(DOC);
  assert.equal(room.doc.getText('text').length, 40, 'the next load reads storage afresh');
  rooms.release(room);
  rooms.unloadParked();
});

test('a large checkpoint written whole, before checkpoints were sliced, is written again in slices when the room is let go', async () => {
  // Three people typing at random places of one field: thousands of structs that do not merge.
  const state = new Y.Doc();
  for (let person = 0; person < 3; person++) {
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(state));
    const text = editor.getText('text');
    for (let i = 0; i < 4000; i++) text.insert((i * 7919) % (text.length + 1), 'x');
    Y.applyUpdate(state, Y.encodeStateAsUpdate(editor));
    editor.destroy();
  }
  const whole = Y.encodeStateAsUpdate(state);
  assert.ok(whole.length > 64 * 1024, `a large checkpoint: ${whole.length} bytes`);
  const written: Array<{ seq: number; parts: Uint8Array[] }> = [];
  const storage = memoryStorage({ parts: [whole], seq: 9, checkpointSeq: 9, replayed: 0 });
  storage.writeCheckpoint = (_doc, seq, parts) => written.push({ seq, parts });
  const rooms = manager(storage, []);
  const room = await rooms.load(DOC);
  assert.equal(written.length, 0, 'nothing written while it is open');
  rooms.release(room);
  assert.equal(written.length, 1);
  assert.equal(written[0]?.seq, 9, 'the same sequence number: nothing new was logged');
  assert.ok((written[0]?.parts.length ?? 0) > 1, 'in slices');
  const rebuilt = new Y.Doc();
  for (const part of written[0]?.parts ?? []) Y.applyUpdate(rebuilt, part);
  assert.equal(rebuilt.getText('text').toString(), state.getText('text').toString());

  // Loaded from those slices, it is not written again on the next release.
  const again = memoryStorage({ parts: written[0]?.parts ?? [], seq: 9, checkpointSeq: 9, replayed: 0 });
  again.writeCheckpoint = () => assert.fail('written again');
  const other = manager(again, []);
  other.release(await other.load(DOC));
  rooms.unloadParked();
  other.unloadParked();
});
