import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { currentSignal, foldRun, phaseRead, stepOuts } from './state';
import type { RunEvent, RunRecord, StoredRunEvent } from './types';

const RUN: RunRecord = {
  id: 'run1',
  attempt: 1,
  rehearsal: false,
  startedAt: 1000,
  startedBy: 'lead',
  endedAt: null,
  timeZone: 'UTC',
};

function events(...list: [number, RunEvent][]): StoredRunEvent[] {
  return list.map(([at, event], index) => ({ seq: index + 1, at, userId: 'lead', event }));
}

describe('foldRun', () => {
  test('a reader’s time runs from their start to the next reader’s, per phase', () => {
    const state = foldRun(
      RUN,
      events(
        [1000, { kind: 'started' }],
        [2000, { kind: 'speaker', itemId: 'a', name: 'Ana', phase: 'letters' }],
        [125_000, { kind: 'speaker', itemId: 'b', name: 'Ben', phase: 'letters' }],
        [185_000, { kind: 'speaker', itemId: null, name: '', phase: 'letters' }],
      ),
    );
    assert.deepEqual(state.spoken, [
      { itemId: 'a', name: 'Ana', phase: 'letters', ms: 123_000 },
      { itemId: 'b', name: 'Ben', phase: 'letters', ms: 60_000 },
    ]);
    assert.equal(state.speaker, null);
    assert.equal(phaseRead(state), true);
    assert.equal(state.seq, 4);
  });

  test('signals and requests to step out do not move the state (nor its seq)', () => {
    const state = foldRun(
      RUN,
      events(
        [1000, { kind: 'started' }],
        [2000, { kind: 'signal', signal: 'pause', followers: [], followerNames: [] }],
        [3000, { kind: 'step-out', name: 'Ben' }],
      ),
    );
    assert.equal(state.seq, 1);
    assert.equal(state.speaker, null);
  });

  test('an outcome, a playbook and the end', () => {
    const state = foldRun(
      RUN,
      events(
        [1000, { kind: 'started' }],
        [2000, { kind: 'speaker', itemId: 'a', name: 'Ana', phase: 'letters' }],
        [3000, { kind: 'contingency', itemId: 'p', title: 'Leaves', actors: ['u1'], actorNames: ['Ana'] }],
        [4000, { kind: 'outcome', outcome: 'accepted' }],
        [4000, { kind: 'phase', phase: 'after' }],
        [9000, { kind: 'ended' }],
      ),
    );
    assert.equal(state.outcome, 'accepted');
    assert.equal(state.outcomeAt, 4000);
    assert.equal(state.phase, 'after');
    assert.deepEqual(state.contingency, { itemId: 'p', title: 'Leaves', actors: ['u1'], since: 3000 });
    assert.equal(state.endedAt, 9000);
    assert.deepEqual(state.spoken, [{ itemId: 'a', name: 'Ana', phase: 'letters', ms: 2000 }]);
  });
});

describe('signals', () => {
  test('the last one shows until cleared or the end', () => {
    const sent = events(
      [1000, { kind: 'signal', signal: 'pause', followers: [], followerNames: [] }],
      [2000, { kind: 'signal', signal: 'left', followers: ['u1'], followerNames: ['Ana'] }],
    );
    assert.deepEqual(currentSignal(sent), {
      seq: 2,
      at: 2000,
      signal: 'left',
      followers: ['u1'],
      followerNames: ['Ana'],
    });
    assert.equal(
      currentSignal([...sent, { seq: 3, at: 3000, userId: 'lead', event: { kind: 'signal-cleared' } }]),
      null,
    );
    assert.equal(currentSignal([...sent, { seq: 3, at: 3000, userId: 'lead', event: { kind: 'ended' } }]), null);
  });

  test('requests to step out keep who asked', () => {
    const asked = [
      { seq: 1, at: 5, userId: 'ben', event: { kind: 'step-out', name: 'Ben' } as RunEvent },
      { seq: 2, at: 6, userId: 'lead', event: { kind: 'signal-cleared' } as RunEvent },
    ];
    assert.deepEqual(stepOuts(asked), [{ seq: 1, at: 5, userId: 'ben', name: 'Ben' }]);
  });
});
