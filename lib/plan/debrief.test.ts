import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import {
  debriefMap,
  debriefText,
  debriefToJSON,
  debriefUpdate,
  noteKeys,
  noteText,
  outcomeOf,
  setOutcome,
  setWentWrong,
} from './debrief';

const USER = 'user_00000000000000001';

function replica(from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

test('two people writing the same note at once both keep what they typed', () => {
  const a = replica();
  const b = replica();
  noteText(a, USER).insert(0, 'Kept everyone calm.');
  noteText(b, USER).insert(0, 'Read her letter last.');
  debriefText(a, 'lessons').insert(0, 'Meet in the morning.');
  debriefText(b, 'lessons').insert(0, 'Have the bed confirmed.');
  setWentWrong(a, 'walked-out', true, null);
  setWentWrong(b, 'aggressive', true, null);
  exchange(a, b);
  for (const doc of [a, b]) {
    const json = debriefToJSON(doc);
    assert.ok(json.participantNotes[USER]?.includes('Kept everyone calm.'));
    assert.ok(json.participantNotes[USER]?.includes('Read her letter last.'));
    assert.ok(json.lessons.includes('Meet in the morning.'));
    assert.ok(json.lessons.includes('Have the bed confirmed.'));
    assert.deepEqual(json.wentWrong, ['walked-out', 'aggressive']);
  }
  assert.deepEqual(debriefToJSON(a), debriefToJSON(b));
});

test('notes that arrive from another replica are listed', () => {
  const a = replica();
  noteText(a, 'team:item-1').insert(0, 'Grandpa’s letter was read by Jordan.');
  const b = replica(a);
  assert.deepEqual(noteKeys(b), ['team:item-1']);
});

test('only known outcomes are shown; a stored outcome of any other value reads as none', () => {
  const doc = replica();
  setOutcome(doc, 'refused', null);
  assert.equal(outcomeOf(doc), 'refused');
  debriefMap(doc).set('outcome', '<script>');
  assert.equal(outcomeOf(doc), '');
});

test('a debrief record becomes the same debrief as a document', () => {
  const record = {
    outcome: 'left' as const,
    wentWrong: ['led-with-emotion' as const],
    details: 'He left after ten minutes.',
    participantNotes: { [USER]: 'Spoke first.', 'bad key!': 'dropped' },
    lessons: 'Sit nearer the door.',
  };
  const doc = replica();
  Y.applyUpdate(doc, debriefUpdate(record));
  assert.deepEqual(debriefToJSON(doc), { ...record, participantNotes: { [USER]: 'Spoke first.' } });
});

test('a participant key that is not an id is refused', () => {
  assert.throws(() => noteText(replica(), '../x'));
});
