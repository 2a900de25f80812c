import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { createApiDataStore, DEDUPE_MS, type Load } from './api-data-store';
import type { ApiKey } from './api-key';
import { MAX_KEPT } from './immutable-budget';

/** A load whose answers the test gives, one request at a time, counting the requests. */
function loader() {
  const asked: string[] = [];
  const waiting: { resolve(value: unknown): void; reject(error: unknown): void }[] = [];
  const load: Load = (path) => {
    asked.push(path);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const next = () => {
    const request = waiting.shift();
    assert.ok(request, 'a request is on its way');
    return request;
  };
  return {
    load,
    asked,
    answer: (value: unknown) => next().resolve(value),
    fail: (error: unknown) => next().reject(error),
  };
}

const key = (path: string, refreshOn: ApiKey['refreshOn'] = []): ApiKey => ({ path, refreshOn });

test('two components asking the same key share one request and its answer', async () => {
  const store = createApiDataStore();
  const { load, asked, answer } = loader();
  const first = store.entry(key('/api/a', ['letters']));
  const second = store.entry(key('/api/a', ['letters']));
  assert.equal(first, second);
  let changes = 0;
  store.watch(first, () => changes++);
  store.watch(second, () => changes++);
  const both = Promise.all([store.ask(first, load, { dedupe: true }), store.ask(second, load, { dedupe: true })]);
  assert.deepEqual(asked, ['/api/a']);
  assert.equal(first.state.asking, true);
  answer({ n: 1 });
  await both;
  assert.deepEqual(second.state, { data: { n: 1 }, asking: false });
  assert.equal(store.peek(key('/api/a', ['letters'])), first.state);
  // Each watcher heard "asking" and the answer.
  assert.equal(changes, 4);
  // The same path with other topics is another answer.
  assert.notEqual(store.entry(key('/api/a')), first);
  assert.equal(store.peek(key('/api/a')).data, undefined);
});

test('a component mounting just after an answer takes it; later, or asked explicitly, it asks again', async () => {
  mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  try {
    const store = createApiDataStore();
    const { load, asked, answer } = loader();
    const entry = store.entry(key('/api/a'));
    const first = store.ask(entry, load, { dedupe: true });
    answer('one');
    await first;
    const deduped = store.ask(entry, load, { dedupe: true });
    assert.equal(asked.length, 1);
    await deduped;
    mock.timers.tick(DEDUPE_MS);
    const again = store.ask(entry, load, { dedupe: true });
    assert.equal(asked.length, 2);
    answer('two');
    await again;
    const explicit = store.ask(entry, load);
    assert.equal(asked.length, 3);
    answer('three');
    await explicit;
    assert.equal(entry.state.data, 'three');
  } finally {
    mock.timers.reset();
  }
});

test('asking again keeps the answer on screen while asking, then shows the new one', async () => {
  const store = createApiDataStore();
  const { load, answer } = loader();
  const entry = store.entry(key('/api/a'));
  const first = store.ask(entry, load);
  answer('old');
  await first;
  const again = store.ask(entry, load);
  assert.deepEqual(entry.state, { data: 'old', asking: true });
  answer('new');
  await again;
  assert.deepEqual(entry.state, { data: 'new', asking: false });
});

test('a failed request keeps the last answer beside its error; the next answer clears it', async () => {
  const store = createApiDataStore();
  const { load, answer, fail } = loader();
  const entry = store.entry(key('/api/a'));
  const first = store.ask(entry, load);
  answer('old');
  await first;
  const failing = store.ask(entry, load);
  const error = new Error('gone');
  fail(error);
  // The promise resolves: the failure is in the state.
  await failing;
  assert.deepEqual(entry.state, { data: 'old', error, asking: false });
  const retry = store.ask(entry, load, { dedupe: true });
  answer('new');
  await retry;
  assert.deepEqual(entry.state, { data: 'new', asking: false });
});

test('a request asked again while on its way is superseded: only the later answer counts', async () => {
  const store = createApiDataStore();
  const { load, answer } = loader();
  const entry = store.entry(key('/api/a'));
  const early = store.ask(entry, load);
  const late = store.ask(entry, load);
  let earlyDone = false;
  void early.then(() => (earlyDone = true));
  answer('before the change');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(entry.state.data, undefined);
  assert.equal(entry.state.asking, true);
  // The superseded caller waits for the later answer.
  assert.equal(earlyDone, false);
  answer('after the change');
  await Promise.all([early, late]);
  assert.deepEqual(entry.state, { data: 'after the change', asking: false });
});

test('an immutable answer is never asked again by a mount, and at most MAX_KEPT are kept', async () => {
  mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  try {
    const store = createApiDataStore();
    const { load, asked, answer } = loader();
    const state = (seq: number) => key(`/api/state?seq=${seq}`);
    // The first one stays on screen: it is kept even past the budget.
    const shown = store.entry(state(0));
    const unwatch = store.watch(shown, () => undefined);
    for (let seq = 0; seq <= MAX_KEPT + 1; seq++) {
      const asking = store.ask(store.entry(state(seq)), load, { immutable: true, dedupe: true });
      answer(seq);
      await asking;
    }
    mock.timers.tick(DEDUPE_MS * 10);
    const kept = store.ask(store.entry(state(5)), load, { immutable: true, dedupe: true });
    assert.equal(asked.length, MAX_KEPT + 2);
    await kept;
    assert.equal(store.peek(state(0)).data, 0);
    // 202 answers, one of them on screen: the two oldest of the others went.
    assert.equal(store.peek(state(1)).data, undefined);
    assert.equal(store.peek(state(2)).data, undefined);
    assert.equal(store.peek(state(3)).data, 3);
    assert.equal(store.peek(state(MAX_KEPT + 1)).data, MAX_KEPT + 1);
    // Gone, it is asked again when next shown.
    const again = store.ask(store.entry(state(1)), load, { immutable: true, dedupe: true });
    assert.equal(asked.length, MAX_KEPT + 3);
    answer(1);
    await again;
    // Past the budget again: the oldest not on screen goes.
    assert.equal(store.peek(state(3)).data, undefined);
    assert.equal(store.peek(state(0)).data, 0);
    // Off screen, the first one goes next.
    unwatch();
    const more = store.ask(store.entry(state(MAX_KEPT + 2)), load, { immutable: true });
    answer(MAX_KEPT + 2);
    await more;
    assert.equal(store.peek(state(0)).data, undefined);
    assert.equal(store.peek(state(4)).data, 4);
    assert.equal(store.peek(state(1)).data, 1);
  } finally {
    mock.timers.reset();
  }
});

test('asking again by a filter: what is shown is asked at once, what is not when next shown', async () => {
  const store = createApiDataStore();
  const { load, asked, answer } = loader();
  const shown = store.entry(key('/api/boards/b1/letters', ['letters']));
  const hidden = store.entry(key('/api/boards/b1/reviews', ['letters']));
  const other = store.entry(key('/api/boards/b1/questions', ['questions']));
  for (const entry of [shown, hidden, other]) {
    const asking = store.ask(entry, load, { dedupe: true });
    answer(entry.key.path);
    await asking;
  }
  let heard = 0;
  store.watch(shown, () => heard++);
  store.watch(other, () => heard++);
  asked.length = 0;
  store.askAgain((k) => k.refreshOn.includes('letters'));
  assert.deepEqual(asked, ['/api/boards/b1/letters']);
  assert.deepEqual(shown.state, { data: '/api/boards/b1/letters', asking: true });
  answer('fresh');
  await shown.request;
  assert.equal(shown.state.data, 'fresh');
  assert.equal(heard, 2);
  // The one not shown was not asked, but a mount within the dedupe window asks it anyway.
  assert.equal(hidden.state.data, '/api/boards/b1/reviews');
  const mounting = store.ask(hidden, load, { dedupe: true });
  assert.deepEqual(asked, ['/api/boards/b1/letters', '/api/boards/b1/reviews']);
  answer('fresh too');
  await mounting;
  // The other topic's answer was left alone, and is still fresh for a mount.
  const fresh = store.ask(other, load, { dedupe: true });
  assert.equal(asked.length, 2);
  await fresh;
});

test('asking again drops the answer a hidden request would bring', async () => {
  const store = createApiDataStore();
  const { load, asked, answer } = loader();
  const entry = store.entry(key('/api/boards/b1/letters', ['letters']));
  const asking = store.ask(entry, load);
  store.askAgain(() => true);
  assert.equal(entry.state.asking, false);
  answer('from before the change');
  await asking;
  assert.equal(entry.state.data, undefined);
  const mounting = store.ask(entry, load, { dedupe: true });
  assert.equal(asked.length, 2);
  answer('after');
  await mounting;
  assert.equal(entry.state.data, 'after');
});

test('a new store starts empty, whatever another one holds', async () => {
  const first = createApiDataStore();
  const { load, answer } = loader();
  const asking = first.ask(first.entry(key('/api/me')), load);
  answer({ name: 'Maya' });
  await asking;
  const second = createApiDataStore();
  assert.deepEqual(second.peek(key('/api/me')), { asking: false });
  assert.equal(second.entry(key('/api/me')).state.data, undefined);
  let asked = false;
  second.askAgain(() => (asked = true));
  assert.equal(asked, true);
  assert.equal(first.peek(key('/api/me')).data !== undefined, true);
});
