import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { openDatabase, type SqliteDb } from '../db/connection';
import { appendUpdate, writeCheckpointRow } from './log-writes';
import { lastSeq, listChanges, readStoredParts, rebuildAtSeq, rebuildAtTime, rebuildLatest } from './rebuild';
import { encodeCheckpoint } from '../yjs/checkpoint-slices';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';

after(removeTempDbs);

const DOC = 'board/b1/attempt/1';
const T0 = Date.UTC(2025, 0, 1);

interface Snapshot {
  text: string;
  plan: unknown;
  order: unknown;
}

function snapshot(doc: Y.Doc): Snapshot {
  return {
    text: doc.getText('text').toString(),
    plan: doc.getMap('plan').toJSON(),
    order: doc.getArray('order').toJSON(),
  };
}

/**
 * Two clients editing, their updates logged in server order the way the Yjs server does
 * (append, then apply to the "server" doc; checkpoint every 7 updates). The state every
 * client had after seq k, once it had seen updates 1..k, is recorded to compare against.
 */
async function record(): Promise<{ db: SqliteDb; snapshots: Snapshot[] }> {
  const db = openDatabase(tempDbFile());
  const server = new Y.Doc();
  const clients = [new Y.Doc(), new Y.Doc()];
  const snapshots: Snapshot[] = [snapshot(server)];
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 1; i <= 60; i++) {
    const index = i % 2;
    const editor = clients[index] as Y.Doc;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array): void => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    editor.on('update', capture);
    editor.transact(() => {
      const text = editor.getText('text');
      const roll = random();
      if (roll < 0.5 || text.length < 3) text.insert(Math.floor(random() * (text.length + 1)), `c${index}e${i} `);
      else if (roll < 0.75) text.delete(Math.floor(random() * (text.length - 2)), 2);
      else if (roll < 0.9) editor.getMap('plan').set(`k${i % 5}`, { by: index, i });
      else editor.getArray('order').push([i]);
    });
    editor.off('update', capture);
    assert.ok(update);
    const seq = await appendUpdate(db.kysely, DOC, `user-${index}`, update, T0 + i * 1000);
    assert.equal(seq, i);
    Y.applyUpdate(server, update);
    // Both clients receive every logged update (the other one lags by nothing here).
    for (const other of clients) Y.applyUpdate(other, update);
    snapshots.push(snapshot(server));
    assert.deepEqual(snapshot(clients[0] as Y.Doc), snapshots[i]);
    if (i % 7 === 0) await writeCheckpointRow(db.kysely, DOC, i, [Y.encodeStateAsUpdate(server)], T0 + i * 1000 + 1);
  }
  return { db, snapshots };
}

test('rebuild at every sequence number equals what the clients had then', async () => {
  const { db, snapshots } = await record();
  assert.equal(await lastSeq(db.kysely, DOC), 60);
  for (let seq = 0; seq <= 60; seq++) {
    const rebuilt = await rebuildAtSeq(db.kysely, DOC, seq);
    assert.deepEqual(snapshot(rebuilt.doc), snapshots[seq], `seq ${seq}`);
    assert.equal(rebuilt.seq, seq);
    assert.equal(rebuilt.checkpointSeq, seq - (seq % 7), 'starts from the nearest checkpoint');
    assert.equal(rebuilt.replayed, seq % 7);
    rebuilt.doc.destroy();
  }
  const beyond = await rebuildAtSeq(db.kysely, DOC, 1000);
  assert.equal(beyond.seq, 60);
  assert.deepEqual(snapshot(beyond.doc), snapshots[60]);
  const latest = await rebuildLatest(db.kysely, DOC);
  assert.deepEqual(snapshot(latest.doc), snapshots[60]);
  assert.deepEqual((await rebuildAtSeq(db.kysely, DOC, -5)).seq, 0);
  await db.kysely.destroy();
});

test('rebuild at a time takes every update logged at or before it', async () => {
  const { db, snapshots } = await record();
  for (const k of [0, 1, 6, 7, 8, 33, 59, 60]) {
    const rebuilt = await rebuildAtTime(db.kysely, DOC, T0 + k * 1000 + 500);
    assert.deepEqual(snapshot(rebuilt.doc), snapshots[k], `time after seq ${k}`);
    rebuilt.doc.destroy();
  }
  const exact = await rebuildAtTime(db.kysely, DOC, T0 + 14 * 1000);
  assert.equal(exact.seq, 14);
  assert.equal((await rebuildAtTime(db.kysely, DOC, T0 - 1)).seq, 0);
  await db.kysely.destroy();
});

test('listChanges pages through the log without its bytes', async () => {
  const { db } = await record();
  const first = await listChanges(db.kysely, DOC, { limit: 25 });
  assert.equal(first.length, 25);
  assert.deepEqual(Object.keys(first[0] ?? {}).sort(), ['at', 'seq', 'size', 'userId']);
  assert.deepEqual(first[0] && { seq: first[0].seq, at: first[0].at, userId: first[0].userId }, {
    seq: 1,
    at: T0 + 1000,
    userId: 'user-1',
  });
  assert.ok(first.every((change) => change.size > 0));
  const rest = await listChanges(db.kysely, DOC, { afterSeq: 25, limit: 1000 });
  assert.deepEqual(
    [...first, ...rest].map((change) => change.seq),
    Array.from({ length: 60 }, (_, i) => i + 1),
  );
  assert.deepEqual(await listChanges(db.kysely, 'board/b1/attempt/2'), []);
  assert.equal((await listChanges(db.kysely, DOC, { limit: 0 })).length, 1, 'limit is at least 1');
  await db.kysely.destroy();
});

test('a checkpoint of several parts reads back in order, and rebuilds the state it was written from', async () => {
  const db = openDatabase(tempDbFile());
  // Three people, each on a field of their own and one shared text they delete from.
  const state = new Y.Doc();
  for (let person = 0; person < 3; person++) {
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(state));
    for (let k = 0; k < 10; k++) editor.getArray(`field${person}`).insert(k, [`${person}:${k}`]);
    editor.getText('shared').insert(0, `p${person} `);
    editor.getText('shared').delete(0, 1);
    Y.applyUpdate(state, Y.encodeStateAsUpdate(editor));
    await appendUpdate(db.kysely, DOC, `user-${person}`, Y.encodeStateAsUpdate(editor), T0 + person);
  }
  // A budget of a few structs: each person's few structs (runs merge) make a part of their own.
  const parts = encodeCheckpoint(state, 3);
  assert.ok(parts.length > 2, `several parts: ${parts.length}`);
  await writeCheckpointRow(db.kysely, DOC, 3, parts, T0 + 10);
  const stored = await readStoredParts(db.kysely, DOC, 3);
  assert.deepEqual(
    stored.parts.map((part) => [...part]),
    parts.map((part) => [...part]),
  );
  const rebuilt = await rebuildLatest(db.kysely, DOC);
  assert.equal(rebuilt.checkpointSeq, 3);
  assert.equal(rebuilt.doc.getText('shared').toString(), state.getText('shared').toString());
  for (let person = 0; person < 3; person++)
    assert.deepEqual(rebuilt.doc.getArray(`field${person}`).toJSON(), state.getArray(`field${person}`).toJSON());
  rebuilt.doc.destroy();
  await db.kysely.destroy();
});
