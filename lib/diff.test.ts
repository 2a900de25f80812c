import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as Y from 'yjs';
import { ensureDefaults } from './plan/defaults';
import { addItem, moveItem, removeItem, setItemValue, toggleInSet } from './plan/lists';
import { setSingletonValue, singletonText } from './plan/singletons';
import { applyTextChange } from './plan/text-diff';
import { planToJSON } from './plan/to-json';
import { diffList, diffPlan, diffWords, type Segment, sideText, summarise, tokenize } from './diff';

const show = (segments: Segment[]) =>
  segments.map((s) => (s.kind === 'same' ? s.text : s.kind === 'added' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');

describe('diffWords', () => {
  it('marks nothing when the texts are equal, and everything when one is empty', () => {
    assert.deepEqual(diffWords('', ''), []);
    assert.deepEqual(diffWords('same words', 'same words'), [{ kind: 'same', text: 'same words' }]);
    assert.deepEqual(diffWords('', 'new text'), [{ kind: 'added', text: 'new text' }]);
    assert.deepEqual(diffWords('old text', ''), [{ kind: 'removed', text: 'old text' }]);
  });

  it('marks an inserted word and a removed word', () => {
    assert.equal(
      show(diffWords('we will meet at noon', 'we will meet at the kitchen at noon')),
      'we will meet at {+the kitchen at +}noon',
    );
    assert.equal(
      show(diffWords('I will no longer pay your rent', 'I will no longer pay rent')),
      'I will no longer pay [-your -]rent',
    );
  });

  it('shows a replaced phrase as the old phrase then the new one', () => {
    assert.equal(show(diffWords('the cat sat down', 'a dog sat down')), '[-the cat-]{+a dog+} sat down');
    assert.equal(show(diffWords('Place: the kitchen.', 'Place: the garden.')), 'Place: the [-kitchen-]{+garden+}.');
  });

  it('keeps punctuation apart from words and handles non-Latin text and emoji', () => {
    assert.deepEqual(tokenize("don't stop, Zoë!"), ["don't", ' ', 'stop', ',', ' ', 'Zoë', '!']);
    assert.equal(show(diffWords('Привет мир 🙂', 'Привет друг 🙂')), 'Привет [-мир-]{+друг+} 🙂');
  });

  it('always rebuilds both sides exactly (random texts)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const words = ['I', 'will', 'no', 'longer', 'pay', 'the', 'rent', ',', '.', ' ', '  ', '\n\n', 'we', 'love', 'you'];
    const phrase = () =>
      Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(
        random() < 0.5 ? ' ' : '',
      );
    for (let run = 0; run < 300; run++) {
      const a = phrase();
      const b = phrase();
      const segments = diffWords(a, b);
      assert.equal(sideText(segments, 'before'), a, `before of ${JSON.stringify([a, b])}`);
      assert.equal(sideText(segments, 'after'), b, `after of ${JSON.stringify([a, b])}`);
      for (let i = 1; i < segments.length; i++)
        assert.notEqual(segments[i]?.kind, segments[i - 1]?.kind, 'neighbours are merged');
      assert.ok(segments.every((s) => s.text.length > 0));
    }
  });

  it('stays fast and correct on long texts', () => {
    const long = Array.from({ length: 4000 }, (_, i) => `word${i % 97}`).join(' ');
    const edited = long.replace('word5 ', 'changed ').replace(/word96$/, 'end');
    const started = performance.now();
    const segments = diffWords(long, edited);
    assert.ok(performance.now() - started < 1000);
    assert.equal(sideText(segments, 'before'), long);
    assert.equal(sideText(segments, 'after'), edited);
    assert.ok(segments.filter((s) => s.kind !== 'same').length <= 4);
  });

  it('diffs a long text edited at both ends word by word', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i % 97}`);
    const long = words.join(' ');
    const edited = ['first', ...words.slice(1, -1), 'last'].join(' ');
    assert.deepEqual(
      diffWords(long, edited).map((s) => s.kind),
      ['removed', 'added', 'same', 'removed', 'added'],
    );
  });

  it('shows a long text rewritten top to bottom as replaced whole, quickly', () => {
    const long = (prefix: string) => Array.from({ length: 5000 }, (_, i) => `${prefix}${i}`).join(' ');
    const [a, b] = [long('old'), long('new')];
    const started = performance.now();
    const segments = diffWords(a, b);
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(segments, [
      { kind: 'removed', text: a },
      { kind: 'added', text: b },
    ]);
  });
});

function plan(edit: (doc: Y.Doc) => void = () => undefined): { doc: Y.Doc; json: () => ReturnType<typeof planToJSON> } {
  const doc = new Y.Doc();
  ensureDefaults(doc);
  edit(doc);
  return { doc, json: () => planToJSON(doc) };
}

describe('diffPlan', () => {
  it('reports no changes between equal plans', () => {
    const { json } = plan();
    assert.deepEqual(diffPlan(json(), json()), []);
  });

  it('reports list items added, removed and changed, per section in board order', () => {
    let ana = '';
    let ben = '';
    const { doc, json } = plan((doc) => {
      ana = addItem(doc, 'team', { text: { name: 'Ana', relationship: 'sister' } });
      ben = addItem(doc, 'team', { text: { name: 'Ben' } });
      addItem(doc, 'bottomLines', { text: { owner: 'Ana', statement: 'I will no longer pay your rent.' } });
    });
    const before = json();
    removeItem(doc, 'team', ben);
    const cleo = addItem(doc, 'team', { text: { name: 'Cleo' } });
    applyTextChange((doc.getMap('team').get(ana) as Y.Map<unknown>).get('relationship') as Y.Text, 'older sister');
    toggleInSet(doc, 'team', ana, 'roles', 'closer', true);
    setItemValue(doc, 'team', ana, 'attendance', 'home');
    const line = before.bottomLines[0]?.id ?? '';
    setItemValue(doc, 'bottomLines', line, 'status', 'in-effect');
    applyTextChange(singletonText(doc, 'logistics', 'place'), 'the kitchen');
    setSingletonValue(doc, 'safety', 'naloxone', true);

    const changes = diffPlan(before, json());
    assert.deepEqual(
      changes.map((c) => c.part),
      ['team', 'bottomLines', 'logistics', 'safety'],
    );
    const team = changes[0];
    assert.ok(team?.kind === 'list');
    assert.deepEqual(
      team.items.map((i) => [i.kind, i.id]),
      [
        ['changed', ana],
        ['removed', ben],
        ['added', cleo],
      ],
    );
    const anaChange = team.items[0];
    assert.deepEqual(
      anaChange?.fields.map((f) => f.field),
      ['relationship', 'roles', 'attendance'],
    );
    const relationship = anaChange?.fields[0];
    assert.ok(relationship?.kind === 'text');
    assert.equal(show(relationship.segments), '{+older +}sister');
    assert.deepEqual(anaChange?.fields[1], { field: 'roles', kind: 'set', added: ['closer'], removed: [] });
    assert.deepEqual(anaChange?.fields[2], { field: 'attendance', kind: 'value', before: 'attends', after: 'home' });

    const lines = changes[1];
    assert.ok(lines?.kind === 'list');
    assert.deepEqual(lines.items[0]?.fields, [
      { field: 'status', kind: 'value', before: 'not-started', after: 'in-effect' },
    ]);

    const logistics = changes[2];
    assert.ok(logistics?.kind === 'fields');
    assert.deepEqual(
      logistics.fields.map((f) => f.field),
      ['place'],
    );
    assert.deepEqual(changes[3], {
      part: 'safety',
      kind: 'fields',
      fields: [{ field: 'naloxone', kind: 'value', before: false, after: true }],
    });
    assert.deepEqual(summarise(changes), { added: 1, removed: 1, changed: 4 });
  });

  it('marks a reordered item as moved, and only that one', () => {
    const ids: string[] = [];
    const { doc, json } = plan((doc) => {
      for (const name of ['Ana', 'Ben', 'Cleo', 'Dev']) ids.push(addItem(doc, 'team', { text: { name } }));
    });
    const before = json();
    moveItem(doc, 'team', ids[3] ?? '', 0);
    const [team] = diffPlan(before, json());
    assert.ok(team?.kind === 'list');
    assert.deepEqual(
      team.items.map((i) => [i.id, i.kind, i.moved, i.fields.length]),
      [[ids[3], 'changed', true, 0]],
    );
  });

  it('keeps removed items in place between the items that remain', () => {
    const item = (id: string) => ({ id, order: id, objection: id, answeredBy: '', answer: '' });
    const changes = diffList('objections', [item('a'), item('b'), item('c')], [item('a'), item('c'), item('d')]);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.id]),
      [
        ['removed', 'b'],
        ['added', 'd'],
      ],
    );
    const atStart = diffList('objections', [item('x'), item('a')], [item('a')]);
    assert.deepEqual(
      atStart.map((c) => [c.kind, c.id]),
      [['removed', 'x']],
    );
  });

  it('compares a staged attempt with the one it was copied from', () => {
    const { json } = plan((doc) => {
      setSingletonValue(doc, 'logistics', 'date', '2025-03-14');
      addItem(doc, 'bottomLines', { text: { owner: 'Ana', statement: 'I will stop paying.' } });
    });
    const first = json();
    // Staging copies the plan and clears the date of the failed attempt (server/attempts/stage.ts).
    const second = structuredClone(first);
    second.logistics.date = '';
    const changes = diffPlan(first, second);
    assert.deepEqual(changes, [
      {
        part: 'logistics',
        kind: 'fields',
        fields: [{ field: 'date', kind: 'value', before: '2025-03-14', after: '' }],
      },
    ]);
  });
});
