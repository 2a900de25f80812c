import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type GuidedBoard, needsNext, nextDateOf } from './queue';

function board(id: string, overrides: Partial<GuidedBoard> = {}): GuidedBoard {
  return {
    boardId: id,
    title: `Board ${id}`,
    attempt: 1,
    stage: 'planning',
    outcome: '',
    nextDate: null,
    live: null,
    lettersWaiting: [],
    questionsWaiting: [],
    gaps: [],
    lastActivity: null,
    ...overrides,
  };
}

const GAP = {
  id: 'roles',
  label: 'The essential roles are filled',
  missing: ['No one attending is Chair', 'No one attending is Escort to treatment'],
};

describe('needsNext: one queue across boards', () => {
  test('a run under way, then a date soon with gaps, then what waits longest, then other gaps', () => {
    const queue = needsNext(
      [
        board('a', { gaps: [GAP], lastActivity: 5 }),
        board('b', {
          lettersWaiting: [{ ownerName: 'Ana', letter: 'impact', since: 300 }],
          questionsWaiting: [{ askedByName: 'Ben', since: 100 }],
        }),
        board('c', { nextDate: { kind: 'intervention', date: '2026-12-05', time: '10:00' }, gaps: [GAP] }),
        board('d', { live: { rehearsal: true } }),
        board('e', { nextDate: { kind: 'rehearsal', date: '2026-12-03', time: '' }, gaps: [GAP] }),
      ],
      '2026-12-01',
    );
    assert.deepEqual(
      queue.map((item) => `${item.boardId} ${item.kind}: ${item.label}`),
      [
        'd live: A rehearsal is under way',
        'e date: Rehearsal on 2026-12-03: 2 gaps in the plan',
        'c date: Intervention on 2026-12-05: 2 gaps in the plan',
        'b question: Answer Ben’s question',
        'b letter: Review Ana’s impact letter',
        'a gaps: 2 gaps in the plan',
      ],
    );
    assert.equal(queue[0]?.href, '/boards/d/run');
  });

  test('a date further off, or a board with its outcome, is not urgent; a ready plan asks nothing', () => {
    const queue = needsNext(
      [
        board('far', { nextDate: { kind: 'intervention', date: '2027-02-01', time: '' }, gaps: [GAP] }),
        board('done', { stage: 'outcome', outcome: 'accepted', gaps: [GAP] }),
        board('ready', { nextDate: { kind: 'intervention', date: '2026-12-02', time: '' } }),
      ],
      '2026-12-01',
    );
    assert.deepEqual(
      queue.map((item) => `${item.boardId} ${item.kind}`),
      ['far gaps'],
    );
  });
});

describe('nextDateOf', () => {
  const today = '2026-12-01';
  test('the rehearsal when it comes first, else the intervention; past dates are not next', () => {
    assert.deepEqual(nextDateOf({ date: '2026-12-10', time: '10:00', rehearsalDate: '2026-12-08' }, today), {
      kind: 'rehearsal',
      date: '2026-12-08',
      time: '',
    });
    assert.deepEqual(nextDateOf({ date: '2026-12-10', time: '10:00', rehearsalDate: '2026-11-20' }, today), {
      kind: 'intervention',
      date: '2026-12-10',
      time: '10:00',
    });
    assert.equal(nextDateOf({ date: '2026-11-01', time: '', rehearsalDate: '' }, today), null);
    assert.equal(nextDateOf({ date: 'soon', time: '', rehearsalDate: '' }, today), null);
  });
});
