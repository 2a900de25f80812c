import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CONTINGENCIES } from '../plan/defaults';
import type { PlanJSON } from '../plan/to-json';
import { actorsOf, followersOf } from './actors';
import { cardsOf, runningOrder, speakerAfter } from './order';

type Card = PlanJSON['team'][number];

function card(name: string, roles: string[], attendance: Card['attendance'] = 'attends', order = name): Card {
  return {
    id: `id-${name}`,
    order,
    name,
    relationship: '',
    seat: '',
    readBy: '',
    roles,
    memberId: `u-${name}`,
    attendance,
  };
}

const TEAM: Card[] = [
  card('Riley Stone', ['follower', 'chair']),
  card('Pat', ['safety-lead', 'emergency-caller']),
  card('Jordan', ['closer']),
  card('Aunt May', [], 'letter-read'),
  card('Sol', ['follower'], 'home'),
];

const named = (who: string) => actorsOf(who, TEAM).map((c) => c.name);
const preset = (id: string) => DEFAULT_CONTINGENCIES.find((c) => c.id === id)?.who ?? '';

describe('actorsOf: who a playbook alerts', () => {
  test('by name, whole or first, in any case', () => {
    assert.deepEqual(named('Riley follows; jordan calls a taxi'), ['Riley Stone', 'Jordan']);
    assert.deepEqual(named('riley stone'), ['Riley Stone']);
    assert.deepEqual(named('Patience'), [], 'a name inside another word is not that person');
  });

  test('by the roles the prepared playbooks name', () => {
    assert.deepEqual(named(preset('preset-leaves')), ['Riley Stone'], 'the person chosen to follow');
    assert.deepEqual(named(preset('preset-violence')), ['Pat'], 'the safety lead and the emergency caller');
    assert.deepEqual(named(preset('preset-under-influence')), ['Riley Stone'], 'the chair decides');
    assert.deepEqual(named(preset('preset-refuses')), ['Riley Stone', 'Pat', 'Jordan'], 'each participant');
    assert.deepEqual(named(preset('preset-emotion')), []);
  });

  test('only people in the room act: not someone whose letter is read for them, nor someone at home', () => {
    assert.deepEqual(named('Aunt May and Sol'), []);
    assert.deepEqual(
      followersOf(TEAM).map((c) => c.name),
      ['Riley Stone'],
    );
  });
});

describe('the running order', () => {
  const plan = { team: TEAM } as PlanJSON;
  test('the team in speaking order, without those who stay home', () => {
    const order = runningOrder(plan);
    assert.deepEqual(
      order.map((s) => s.name),
      ['Riley Stone', 'Pat', 'Jordan', 'Aunt May'],
    );
    assert.deepEqual(
      cardsOf(order, 'u-Pat').map((s) => s.name),
      ['Pat'],
    );
    assert.deepEqual(order[0]?.roles, ['follower', 'chair']);
  });
  test('after a card that was removed, the first who has not read yet', () => {
    const order = runningOrder(plan);
    assert.equal(speakerAfter(order, 'id-Pat', new Set())?.name, 'Jordan');
    assert.equal(speakerAfter(order, 'gone', new Set(['id-Riley Stone']))?.name, 'Pat');
    assert.equal(speakerAfter(order, 'id-Aunt May', new Set()), null);
  });
});
