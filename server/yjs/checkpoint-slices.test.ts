import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { prng } from '../../test/helpers/prng';
import { encodeCheckpoint } from './checkpoint-slices';

/** Everything a document shows: its three root types, nested types included. */
function contentOf(doc: Y.Doc): unknown {
  return { t: doc.getText('t').toString(), m: doc.getMap('m').toJSON(), a: doc.getArray('a').toJSON() };
}

/** Applies the slices in order to an empty document, asserting none leaves anything pending. */
function rebuild(slices: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  slices.forEach((slice, i) => {
    Y.applyUpdate(doc, slice);
    assert.equal(doc.store.pendingStructs, null, `slice ${i} left structs pending`);
    assert.equal(doc.store.pendingDs, null, `slice ${i} left deletions pending`);
  });
  return doc;
}

function assertSameState(original: Y.Doc, rebuilt: Y.Doc): void {
  assert.deepEqual(
    Y.decodeStateVector(Y.encodeStateVector(rebuilt)),
    Y.decodeStateVector(Y.encodeStateVector(original)),
  );
  assert.deepEqual(contentOf(rebuilt), contentOf(original));
  assert.ok(
    Y.equalDeleteSets(
      Y.createDeleteSetFromStructStore(rebuilt.store),
      Y.createDeleteSetFromStructStore(original.store),
    ),
    'the same delete set',
  );
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** One random edit: text inserts and deletes, nested types in the map and the array, and edits inside them. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];
  const roll = random();
  const text = doc.getText('t');
  if (roll < 0.35) text.insert(Math.floor(random() * (text.length + 1)), pick(['a', 'bc', 'def']) ?? 'a');
  else if (roll < 0.45 && text.length > 0) {
    const at = Math.floor(random() * text.length);
    text.delete(at, Math.min(1 + Math.floor(random() * 3), text.length - at));
  } else if (roll < 0.55) {
    const nested = random() < 0.5 ? new Y.Text('n') : new Y.Array<number>();
    doc.getMap('m').set(pick(['x', 'y', 'z']) ?? 'x', nested);
  } else if (roll < 0.65)
    doc.getArray('a').insert(0, [random() < 0.5 ? new Y.Map<number>() : Math.floor(random() * 9)]);
  else if (roll < 0.7 && doc.getArray('a').length > 0) doc.getArray('a').delete(0, 1);
  else {
    // Inside a nested type another client may have made: the parent item belongs to that client.
    const nested = doc.getMap('m').get(pick(['x', 'y', 'z']) ?? 'x');
    if (nested instanceof Y.Text) nested.insert(Math.floor(random() * (nested.length + 1)), 'q');
    else if (nested instanceof Y.Array) nested.insert(0, [Math.floor(random() * 9)]);
    const first = doc.getArray('a').get(0);
    if (first instanceof Y.Map) first.set(pick(['k', 'l']) ?? 'k', Math.floor(random() * 9));
  }
}

test('random documents of several clients rebuild from their slices exactly, none leaving anything pending', () => {
  let sliced = 0;
  for (let seed = 1; seed <= 25; seed++) {
    const random = prng(seed);
    const original = new Y.Doc();
    // Page loads one after another, each a new client starting from what is stored; now and
    // then two at once, which see each other's items and build on them (a cycle of clients).
    for (let session = 0; session < 8; session++) {
      const peers = Array.from({ length: random() < 0.3 ? 2 : 1 }, () => new Y.Doc());
      for (const peer of peers) sync(original, peer);
      for (let step = 0; step < 60; step++) {
        const peer = peers[Math.floor(random() * peers.length)];
        if (!peer) continue;
        randomEdit(peer, random);
        const other = peers.find((p) => p !== peer);
        if (other && random() < 0.2) sync(peer, other);
      }
      for (const peer of peers) {
        sync(peer, original);
        peer.destroy();
      }
    }
    const slices = encodeCheckpoint(original, 40);
    if (slices.length > 1) sliced++;
    const rebuilt = rebuild(slices);
    assertSameState(original, rebuilt);
    // Applied in one go, as a single update, the slices give the same state too.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates(slices));
    assertSameState(original, merged);
    for (const doc of [original, rebuilt, merged]) doc.destroy();
  }
  assert.ok(sliced >= 20, `most documents sliced: ${sliced} of 25`);
});

test('clients that depend on each other share a slice; independent ones are packed within the budget', () => {
  // a and b each type after the other's last letter: neither can go first alone.
  const a = new Y.Doc();
  const b = new Y.Doc();
  for (let i = 0; i < 30; i++) {
    a.getText('t').insert(a.getText('t').length, 'a');
    sync(a, b);
    b.getText('t').insert(b.getText('t').length, 'b');
    sync(b, a);
  }
  // Ten clients that each write their own array and depend on nobody, 12 structs each.
  const loners = Array.from({ length: 10 }, (_, i) => {
    const doc = new Y.Doc();
    for (let k = 0; k < 12; k++) doc.getArray(`own${i}`).insert(0, [{ k }]);
    return doc;
  });
  const original = new Y.Doc();
  for (const doc of [a, b, ...loners]) sync(doc, original);
  const budget = 30;
  const slices = encodeCheckpoint(original, budget);
  const clientsOf = (slice: Uint8Array): Set<number> => new Set(Y.decodeUpdate(slice).structs.map((s) => s.id.client));
  const pair = slices.find((slice) => clientsOf(slice).has(a.clientID));
  assert.ok(pair && clientsOf(pair).has(b.clientID), 'a and b in one slice');
  for (const slice of slices) {
    const clients = clientsOf(slice);
    if (clients.has(a.clientID)) continue;
    assert.ok(Y.decodeUpdate(slice).structs.length <= budget, 'within the budget');
  }
  assert.ok(slices.length >= 5, `ten loners of 12 structs in slices of 30: ${slices.length}`);
  const rebuilt = rebuild(slices);
  assert.deepEqual(
    Y.decodeStateVector(Y.encodeStateVector(rebuilt)),
    Y.decodeStateVector(Y.encodeStateVector(original)),
  );
  for (let i = 0; i < 10; i++)
    assert.deepEqual(rebuilt.getArray(`own${i}`).toJSON(), original.getArray(`own${i}`).toJSON());
  assert.equal(rebuilt.getText('t').toString(), original.getText('t').toString());
});

test('one client, a small document, or pending structs: one update, exactly the full encoding', () => {
  const single = new Y.Doc();
  for (let i = 0; i < 200; i++) single.getArray('a').insert(0, [i]);
  assert.deepEqual(encodeCheckpoint(single, 10), [Y.encodeStateAsUpdate(single)]);

  const small = new Y.Doc();
  const other = new Y.Doc();
  small.getText('t').insert(0, 'hi');
  other.getText('t').insert(0, 'yo');
  sync(other, small);
  assert.deepEqual(encodeCheckpoint(small), [Y.encodeStateAsUpdate(small)]);

  // An update whose left neighbour never arrived stays pending in the store.
  const source = new Y.Doc();
  source.getText('t').insert(0, 'x');
  const before = Y.encodeStateVector(source);
  source.getText('t').insert(1, 'y');
  const waiting = new Y.Doc();
  for (let i = 0; i < 20; i++) waiting.getArray('a').insert(0, [i]);
  sync(other, waiting);
  Y.applyUpdate(waiting, Y.encodeStateAsUpdate(source, before));
  assert.notEqual(waiting.store.pendingStructs, null);
  assert.deepEqual(encodeCheckpoint(waiting, 5), [Y.encodeStateAsUpdate(waiting)]);
});
