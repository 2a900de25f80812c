import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { addItem, itemText, getItem, removeItem } from './lists';
import { setSingletonValue, singletonText } from './singletons';
import { noteText } from './debrief';
import { hasUnsent, unsentChanges } from './unsent';

const plan = { kind: 'plan', boardId: 'b_board_0000000000001', attempt: 1 } as const;

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

test('a device that holds nothing new has nothing unsent', () => {
  const server = new Y.Doc();
  singletonText(server, 'logistics', 'place').insert(0, 'the park');
  const device = copyOf(server);
  assert.equal(hasUnsent(unsentChanges(plan, server, device)), false);
  assert.equal(hasUnsent(unsentChanges(plan, server, new Y.Doc())), false, 'an empty copy adds nothing');
});

test('texts typed on the device are listed whole, merged with what the server has since', () => {
  const server = new Y.Doc();
  singletonText(server, 'logistics', 'place').insert(0, 'the park');
  const device = copyOf(server);
  singletonText(device, 'logistics', 'place').insert(8, ', by the lake');
  const id = addItem(device, 'team', { text: { name: 'Uncle Ray', relationship: 'uncle' } });
  setSingletonValue(device, 'safety', 'naloxone', true);
  // Meanwhile someone else changed the place on the server.
  singletonText(server, 'logistics', 'place').insert(0, 'At ');
  const { texts, others } = unsentChanges(plan, server, device);
  assert.deepEqual(
    texts.map((t) => [t.path.join('.'), t.itemTitle, t.text]),
    [
      [`team.${id}.name`, 'Uncle Ray', 'Uncle Ray'],
      [`team.${id}.relationship`, 'Uncle Ray', 'uncle'],
      ['logistics.place', null, 'At the park, by the lake'],
    ],
  );
  assert.equal(others, 2, 'the new item’s attendance default and the tick');
  assert.equal(server.getText('logistics.place').toString(), 'At the park', 'the server copy is untouched');
});

test('a removed item or an emptied text counts, with nothing to copy', () => {
  const server = new Y.Doc();
  const id = addItem(server, 'objections', { text: { objection: 'I am fine.' } });
  singletonText(server, 'logistics', 'place').insert(0, 'the park');
  const device = copyOf(server);
  removeItem(device, 'objections', id);
  singletonText(device, 'logistics', 'place').delete(0, 8);
  const changes = unsentChanges(plan, server, device);
  assert.deepEqual(changes.texts, []);
  assert.equal(changes.others, 2);
  assert.ok(
    getItem(server, 'objections', id) && itemText(getItem(server, 'objections', id) as Y.Map<unknown>, 'objection'),
  );
});

test('letters, notes and the debrief are compared the same way', () => {
  const server = new Y.Doc();
  const device = copyOf(server);
  noteText(device, 'u_jordan_000000000001').insert(0, 'Kept calm.');
  const debrief = { kind: 'debrief', boardId: plan.boardId, attempt: 1 } as const;
  assert.deepEqual(
    unsentChanges(debrief, server, device).texts.map((t) => [t.path.join('.'), t.text]),
    [['participantNotes.u_jordan_000000000001', 'Kept calm.']],
  );
  const notes = { kind: 'notes', boardId: plan.boardId } as const;
  device.getText('notes').insert(0, 'Ask about sleep.');
  assert.deepEqual(
    unsentChanges(notes, server, device).texts.map((t) => t.text),
    ['Ask about sleep.'],
  );
});
