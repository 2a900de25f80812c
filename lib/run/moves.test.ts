import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type MoveContext, planMove } from './moves';
import type { RunSpeaker } from './order';
import { foldRun } from './state';
import type { RunEvent, RunRecord, RunState, StoredRunEvent } from './types';

const speaker = (itemId: string, name: string): RunSpeaker => ({
  itemId,
  name,
  relationship: '',
  seat: '',
  roles: [],
  attendance: 'attends',
  readBy: '',
  memberId: `user-${itemId}`,
});

const CTX: MoveContext = {
  order: [speaker('a', 'Ana'), speaker('b', 'Ben')],
  contingencies: [{ id: 'preset-leaves', title: 'The loved one leaves', actors: ['user-a'], actorNames: ['Ana'] }],
  followers: [
    { userId: 'user-a', name: 'Ana' },
    { userId: '', name: 'Uncle Ray' },
  ],
  by: 'Ben',
};

/** Plays moves from a fresh run and returns the state after each accepted one. */
function play(rehearsal: boolean, ...moves: Parameters<typeof planMove>[1][]): { state: RunState; refused: string[] } {
  const run: RunRecord = {
    id: 'r',
    attempt: 1,
    rehearsal,
    startedAt: 0,
    startedBy: 'lead',
    endedAt: null,
    timeZone: 'UTC',
  };
  const log: StoredRunEvent[] = [{ seq: 1, at: 0, userId: 'lead', event: { kind: 'started' } }];
  const refused: string[] = [];
  for (const action of moves) {
    const result = planMove(foldRun(run, log), action, CTX);
    if (!result.ok) {
      refused.push(`${result.status} ${action.type}`);
      continue;
    }
    for (const event of result.events) log.push({ seq: log.length + 1, at: log.length * 1000, userId: 'lead', event });
  }
  return { state: foldRun(run, log), refused };
}

const next = { type: 'next', seq: 0 } as const;

describe('planMove', () => {
  test('next goes through the order, then waits for the outcome', () => {
    const { state, refused } = play(false, next, next, next, next);
    assert.deepEqual(
      state.spoken.map((s) => s.name),
      ['Ana', 'Ben'],
    );
    assert.equal(state.speaker, null);
    assert.deepEqual(refused, ['409 next']);
  });

  test('a refusal brings the bottom-line letters in order, then the first 72 hours', () => {
    const { state } = play(false, next, next, next, { type: 'outcome', outcome: 'refused', seq: 0 });
    assert.equal(state.phase, 'bottom-lines');
    assert.equal(state.speaker?.name, 'Ana');
    const after = play(false, next, { type: 'outcome', outcome: 'refused', seq: 0 }, next, next);
    assert.equal(after.state.phase, 'after');
    assert.deepEqual(
      after.state.spoken.filter((s) => s.phase === 'bottom-lines').map((s) => s.name),
      ['Ana', 'Ben'],
    );
  });

  test('accepting shows the escort at once; the outcome may change (they say yes after the bottom lines)', () => {
    assert.equal(play(false, next, { type: 'outcome', outcome: 'accepted', seq: 0 }).state.phase, 'after');
    const changed = play(
      false,
      next,
      { type: 'outcome', outcome: 'refused', seq: 0 },
      { type: 'outcome', outcome: 'accepted', seq: 0 },
    );
    assert.equal(changed.state.outcome, 'accepted');
    assert.equal(changed.state.phase, 'after');
  });

  test('a rehearsal records no outcome, but practises the bottom-line letters', () => {
    const { state, refused } = play(
      true,
      next,
      { type: 'outcome', outcome: 'accepted', seq: 0 },
      { type: 'bottom-lines', seq: 0 },
    );
    assert.deepEqual(refused, ['409 outcome']);
    assert.equal(state.outcome, null);
    assert.equal(state.phase, 'bottom-lines');
    assert.equal(state.speaker?.name, 'Ana');
  });

  test('jumping to a reader, and refusals of what is not on the plan', () => {
    assert.equal(play(false, { type: 'speaker', itemId: 'b', seq: 0 }).state.speaker?.name, 'Ben');
    assert.deepEqual(play(false, { type: 'speaker', itemId: 'zz', seq: 0 }).refused, ['400 speaker']);
    assert.deepEqual(play(false, { type: 'contingency', itemId: 'zz' }).refused, ['400 contingency']);
  });

  test('a playbook opens once, and closes; closing none adds nothing', () => {
    const state = foldRun(
      { id: 'r', attempt: 1, rehearsal: false, startedAt: 0, startedBy: 'l', endedAt: null, timeZone: 'UTC' },
      [],
    );
    const open = planMove(state, { type: 'contingency', itemId: 'preset-leaves' }, CTX);
    assert.ok(open.ok);
    assert.deepEqual(open.events, [
      {
        kind: 'contingency',
        itemId: 'preset-leaves',
        title: 'The loved one leaves',
        actors: ['user-a'],
        actorNames: ['Ana'],
      },
    ]);
    assert.deepEqual(planMove(state, { type: 'contingency', itemId: null }, CTX), { ok: true, events: [] });
    const opened = play(
      false,
      { type: 'contingency', itemId: 'preset-leaves' },
      { type: 'contingency', itemId: 'preset-leaves' },
    );
    assert.equal(opened.state.seq, 2, 'the second tap changed nothing');
  });

  test('"they left" names the followers; a request to step out names who asked', () => {
    const state = play(false).state;
    const left = planMove(state, { type: 'signal', signal: 'left' }, CTX);
    const expected: RunEvent = {
      kind: 'signal',
      signal: 'left',
      followers: ['user-a'],
      followerNames: ['Ana', 'Uncle Ray'],
    };
    assert.deepEqual(left, { ok: true, events: [expected] });
    assert.deepEqual(planMove(state, { type: 'step-out' }, CTX), {
      ok: true,
      events: [{ kind: 'step-out', name: 'Ben' }],
    });
  });

  test('with nobody on the order there is nothing to begin', () => {
    const empty = { ...CTX, order: [] };
    const state = play(false).state;
    assert.deepEqual(planMove(state, next, empty), {
      ok: false,
      status: 409,
      message: 'Nobody is on the running order yet.',
    });
  });
});
