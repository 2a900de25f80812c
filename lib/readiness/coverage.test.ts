import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as Y from 'yjs';
import { DEFAULT_CONTINGENCIES, ensureDefaults } from '../plan/defaults';
import { addItem, getItem, itemText, listItems, removeItem, setItemValue } from '../plan/lists';
import type { ListName } from '../plan/schema';
import { planToJSON } from '../plan/to-json';
import { coverageChecks, type LetterProgress } from './coverage';
import { namesSomeone } from './placeholders';

const LETTERS_IN: LetterProgress = {
  expected: 2,
  writers: [{ userId: 'u-dana', name: 'Dana', letters: { impact: 'approved', bottomLine: 'submitted' } }],
  othersOutstanding: 0,
};

function failing(doc: Y.Doc, letters: LetterProgress | 'unavailable' = LETTERS_IN): Record<string, string[]> {
  return Object.fromEntries(
    coverageChecks(planToJSON(doc), letters)
      .filter((c) => !c.ok)
      .map((c) => [c.id, c.missing]),
  );
}

function write(doc: Y.Doc, list: ListName, id: string, field: string, value: string): void {
  const item = getItem(doc, list, id);
  const text = item && itemText(item, field);
  assert.ok(text, `${list}.${field}`);
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, value);
  });
}

/** A plan that passes every check; each test below takes one thing away. */
function completePlan(): Y.Doc {
  const doc = new Y.Doc();
  ensureDefaults(doc);
  for (const { id } of listItems(doc, 'contingencies')) write(doc, 'contingencies', id, 'who', 'Dana');
  addItem(doc, 'objections', {
    text: { objection: 'I can quit on my own', answeredBy: 'Dad', answer: 'You tried in May.' },
  });
  addItem(doc, 'bottomLines', { text: { owner: 'Dana', statement: 'I will no longer pay your phone bill.' } });
  addItem(doc, 'team', { text: { name: 'Dana' }, sets: { roles: ['chair', 'safety-lead'] } });
  addItem(doc, 'team', { text: { name: 'Dad' }, sets: { roles: ['closer'] } });
  addItem(doc, 'team', { text: { name: 'Lee' }, sets: { roles: ['escort'] } });
  addItem(doc, 'treatment', { text: { name: 'Riverside' }, values: { bedHeld: true } });
  return doc;
}

const only = (list: ListName, doc: Y.Doc) => {
  const items = listItems(doc, list);
  assert.equal(items.length, 1);
  return items[0]?.id ?? '';
};

test('a fresh plan, with no relatives yet, is missing everything', () => {
  const doc = new Y.Doc();
  ensureDefaults(doc);
  const missing = failing(doc, { expected: 0, writers: [], othersOutstanding: 0 });
  assert.deepEqual(Object.keys(missing).sort(), [
    'bottom-lines',
    'contingencies',
    'letters',
    'objections',
    'roles',
    'team-size',
    'treatment',
  ]);
  assert.equal(missing.contingencies?.length, 5, 'the prepared advice in "who acts" is not a person');
  assert.deepEqual(missing.objections, [
    'No objections listed yet: write what they are likely to say, and who answers it',
  ]);
  assert.deepEqual(missing['bottom-lines'], ['No bottom lines yet: each relative writes their own']);
  assert.deepEqual(missing['team-size'], ['No one on the team cards is attending yet']);
  assert.deepEqual(missing.letters, ['No relatives have joined the board to write letters yet']);
  assert.deepEqual(missing.treatment, ['Add treatment options']);
});

test('a complete plan passes every check', () => {
  assert.deepEqual(failing(completePlan()), {});
});

describe('someone acts in every situation', () => {
  test("the preset's advice, on its own card or another, retyped or cut short, is not a name", () => {
    const doc = completePlan();
    const [first, second, third] = DEFAULT_CONTINGENCIES;
    assert.ok(first && second && third);
    write(doc, 'contingencies', first.id, 'who', first.who);
    write(doc, 'contingencies', second.id, 'who', `  ${third.who.toUpperCase().replace(/\./g, '')} `);
    write(doc, 'contingencies', third.id, 'who', 'The safety lead;');
    assert.deepEqual(failing(doc).contingencies, [
      `Name who acts: ${first.title}`,
      `Name who acts: ${second.title}`,
      `Name who acts: ${third.title}`,
    ]);
  });

  test('a name counts, alone or written into the advice; an empty card is not a situation', () => {
    const doc = completePlan();
    const [first] = DEFAULT_CONTINGENCIES;
    assert.ok(first);
    write(doc, 'contingencies', first.id, 'who', `${first.who} Dana.`);
    addItem(doc, 'contingencies', { text: { title: '', trigger: '', who: '', steps: '' } });
    assert.deepEqual(failing(doc), {});
    addItem(doc, 'contingencies', { text: { title: 'Grandma calls' } });
    assert.deepEqual(failing(doc).contingencies, ['Name who acts: Grandma calls']);
  });

  test('with every situation deleted there is nothing planned, which is a gap', () => {
    const doc = completePlan();
    for (const { id } of listItems(doc, 'contingencies')) removeItem(doc, 'contingencies', id);
    assert.deepEqual(failing(doc).contingencies, ['No situations are planned for: add what could go wrong on the day']);
  });

  test('namesSomeone', () => {
    for (const who of ['Dana', 'Uncle Lee follows', 'The chair (Dana)', 'Dana, then Lee'])
      assert.ok(namesSomeone(who), who);
    for (const who of ['', '   ', 'the person chosen to follow them', 'Each participant', 'the chair', 'Safety lead!'])
      assert.equal(namesSomeone(who), false, who);
  });
});

describe('every objection has an answer and someone to give it', () => {
  test('no objections listed is a gap, and an empty card does not list one', () => {
    const doc = completePlan();
    removeItem(doc, 'objections', only('objections', doc));
    addItem(doc, 'objections', { text: { answeredBy: 'Dad' } });
    assert.deepEqual(failing(doc).objections, [
      'No objections listed yet: write what they are likely to say, and who answers it',
    ]);
  });

  test('an objection needs who answers it and what they say', () => {
    const doc = completePlan();
    addItem(doc, 'objections', { text: { objection: "I can't leave work" } });
    addItem(doc, 'objections', { text: { objection: 'You drink too', answeredBy: 'Mom' } });
    assert.deepEqual(failing(doc).objections, [
      "Name who answers: I can't leave work",
      "Write the answer: I can't leave work",
      'Write the answer: You drink too',
    ]);
  });
});

describe('every bottom line has an owner', () => {
  test('no bottom lines is a gap; an empty card is not one', () => {
    const doc = completePlan();
    removeItem(doc, 'bottomLines', only('bottomLines', doc));
    addItem(doc, 'bottomLines');
    assert.deepEqual(failing(doc)['bottom-lines'], ['No bottom lines yet: each relative writes their own']);
  });

  test('a statement without an owner, and an owner without a statement', () => {
    const doc = completePlan();
    addItem(doc, 'bottomLines', {
      text: { statement: 'I will no longer let you stay here when you have been drinking, and I mean it.' },
    });
    addItem(doc, 'bottomLines', { text: { owner: 'Lee' } });
    assert.deepEqual(failing(doc)['bottom-lines'], [
      'Name whose bottom line it is: I will no longer let you stay here when you have been…',
      'Write Lee’s bottom line',
    ]);
  });
});

describe('treatment has an admission arranged', () => {
  test('an option without a date or a held bed is not an admission', () => {
    const doc = completePlan();
    setItemValue(doc, 'treatment', only('treatment', doc), 'bedHeld', false);
    assert.deepEqual(failing(doc).treatment, ['Arrange an admission date or a held bed for at least one option']);
    setItemValue(doc, 'treatment', only('treatment', doc), 'admissionDate', '2026-12-03');
    assert.deepEqual(failing(doc), {});
  });

  test('an admission at a place with no name is not arranged yet', () => {
    const doc = completePlan();
    write(doc, 'treatment', only('treatment', doc), 'name', ' ');
    assert.deepEqual(failing(doc).treatment, ['Name the place where the admission is arranged']);
  });
});

describe('the team', () => {
  test('a role held only by someone who stays home, or on a card with no name, does not count', () => {
    const doc = completePlan();
    const [dana, dad] = listItems(doc, 'team');
    assert.ok(dana && dad);
    setItemValue(doc, 'team', dana.id, 'attendance', 'home');
    write(doc, 'team', dad.id, 'name', '');
    const missing = failing(doc);
    assert.deepEqual(missing.roles, [
      'No one attending is Chair',
      'No one attending is Closer (last letter)',
      'No one attending is Safety lead',
    ]);
    assert.deepEqual(missing['team-size'], ['Only 1 attending']);
  });
});

describe('every participant has submitted their letters', () => {
  test('names what each writer the reader may see still owes, and counts the others', () => {
    const letters: LetterProgress = {
      expected: 4,
      writers: [
        { userId: 'u-dana', name: 'Dana', letters: { impact: 'approved', bottomLine: 'approved' } },
        { userId: 'u-lee', name: 'Lee', letters: { impact: 'changes-requested', bottomLine: null } },
        { userId: 'u-dad', name: 'Dad', letters: { impact: 'submitted', bottomLine: null } },
      ],
      othersOutstanding: 1,
    };
    assert.deepEqual(failing(completePlan(), letters).letters, [
      'Lee: impact letter sent back for changes; bottom-line letter not submitted',
      'Dad: bottom-line letter not submitted',
      '1 other participant still has letters to submit',
    ]);
    assert.deepEqual(failing(completePlan(), { expected: 3, writers: [], othersOutstanding: 2 }).letters, [
      '2 other participants still have letters to submit',
    ]);
  });

  test('all handed in passes; unknown progress does not', () => {
    assert.equal(failing(completePlan(), { expected: 3, writers: [], othersOutstanding: 0 }).letters, undefined);
    assert.deepEqual(failing(completePlan(), 'unavailable').letters, ['Where the letters stand could not be loaded']);
  });
});
