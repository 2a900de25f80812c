import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { debriefToJSON } from '../plan/debrief';
import { debriefEntryUpdate, writeDebriefEntry } from './debrief-entry';
import { knownTimeZone, timelineLines } from './timeline';
import type { RunEvent, StoredRunEvent } from './types';

const at = (hh: number, mm: number) => Date.UTC(2026, 11, 19, hh, mm);
const log = (...list: [number, RunEvent][]): StoredRunEvent[] =>
  list.map(([time, event], i) => ({ seq: i + 1, at: time, userId: 'lead', event }));

const DAY = log(
  [at(9, 0), { kind: 'started' }],
  [at(9, 1), { kind: 'speaker', itemId: 'a', name: 'Ana', phase: 'letters' }],
  [at(9, 4), { kind: 'step-out', name: 'Ben' }],
  [at(9, 5), { kind: 'signal', signal: 'pause', followers: [], followerNames: [] }],
  [at(9, 9), { kind: 'outcome', outcome: 'refused' }],
  [at(9, 9), { kind: 'speaker', itemId: 'a', name: 'Ana', phase: 'bottom-lines' }],
  [at(9, 12), { kind: 'phase', phase: 'after' }],
);

test('the day in timed lines, in the interventionist’s time zone; a request to step out is left out', () => {
  assert.deepEqual(timelineLines(DAY, 'Europe/Berlin'), [
    '10:00 We began.',
    '10:01 Ana began reading their letter.',
    '10:05 Signal to the team: pause, stay calm.',
    '10:09 Outcome: refused treatment.',
    '10:09 Ana began reading their bottom-line letter.',
    '10:12 Every bottom-line letter had been read; the first 72 hours began.',
  ]);
  assert.deepEqual(timelineLines(DAY, 'UTC', 5), [
    '09:09 Ana began reading their bottom-line letter.',
    '09:12 Every bottom-line letter had been read; the first 72 hours began.',
  ]);
  assert.equal(knownTimeZone('Mars/Olympus'), 'UTC');
  assert.equal(knownTimeZone(undefined), 'UTC');
});

test('an entry is appended after what the team wrote, and ticks the outcome', () => {
  const doc = new Y.Doc();
  doc.getText('debrief.details').insert(0, 'We were nervous.');
  writeDebriefEntry(doc, { lines: ['10:00 We began.'], outcome: 'left', wentWrong: ['walked-out'] });
  const json = debriefToJSON(doc);
  assert.equal(json.details, 'We were nervous.\n\n10:00 We began.\n');
  assert.equal(json.outcome, 'left');
  assert.deepEqual(json.wentWrong, ['walked-out']);

  const update = debriefEntryUpdate([Y.encodeStateAsUpdate(doc)], {
    lines: ['10:05 Run mode ended.'],
    outcome: null,
    wentWrong: [],
  });
  assert.ok(update);
  Y.applyUpdate(doc, update);
  assert.equal(debriefToJSON(doc).details, 'We were nervous.\n\n10:00 We began.\n10:05 Run mode ended.\n');
  assert.equal(debriefEntryUpdate([], { lines: [], outcome: null, wentWrong: [] }), null);
});
