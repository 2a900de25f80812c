import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ApiDataScope, useApiDataStore, useAskAgain } from './api-data-scope';
import type { ApiDataStore } from './api-data-store';

/** Renders a component inside a scope of `userId` and returns the store it was given. */
function storeOf(userId: string | null): ApiDataStore {
  let seen: ApiDataStore | null = null;
  function Probe() {
    seen = useApiDataStore();
    assert.equal(useAskAgain(), seen.askAgain);
    return null;
  }
  renderToString(createElement(ApiDataScope, { userId, children: createElement(Probe) }));
  assert.ok(seen, 'the probe rendered');
  return seen;
}

test('each scope starts with an empty store of its own', async () => {
  const maya = storeOf('maya');
  const entry = maya.entry({ path: '/api/me', refreshOn: [] });
  await maya.ask(entry, async () => ({ name: 'Maya' }));
  assert.deepEqual(maya.peek({ path: '/api/me', refreshOn: [] }).data, { name: 'Maya' });
  for (const userId of ['jordan', 'maya', null]) {
    const next = storeOf(userId);
    assert.notEqual(next, maya);
    assert.equal(next.peek({ path: '/api/me', refreshOn: [] }).data, undefined);
  }
});

test('without a scope there is no store to read from', () => {
  function Probe() {
    useApiDataStore();
    return null;
  }
  assert.throws(() => renderToString(createElement(Probe)), /ApiDataScope/);
});
