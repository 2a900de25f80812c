import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { generateLog } from '../../bench/seed/generate';
import { seedLog } from '../../bench/seed/store';
import { queriesOn } from '../../test/helpers/stored-docs';
import { readStoredParts, rebuildLatest } from '../update-log/rebuild';
import { cleanUp, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';
import { applyStoredParts } from './storage';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

/** The longest gap between ticks of a 1 ms timer: how long the thread was held at most. */
function watchTheThread(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let timer: NodeJS.Timeout;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop(): number {
      clearTimeout(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

test('a cold join to a board of 50,000 random-position edits never holds the thread for long, and the joiner gets it all', async (t) => {
  // Every character typed at a random place of one field: nothing merges, the worst case.
  const log = generateLog('random', 50_000, 500);
  const server = await startTestServer();
  server.access.set('bob', DOC, 'read');
  seedLog(server.dbFile, DOC, 'alice', log);

  // What building the room in one turn took, as before it was built across turns: the same
  // stored parts applied at once, best of three on this machine.
  const oneTurn: number[] = [];
  for (let i = 0; i < 3; i++) {
    const stored = await readStoredParts(queriesOn(server.sqlite), DOC, Number.MAX_SAFE_INTEGER);
    const started = performance.now();
    applyStoredParts(stored).doc.destroy();
    oneTurn.push(performance.now() - started);
  }
  const single = Math.min(...oneTurn);

  const watch = watchTheThread();
  const bob = await rawClient(server, 'bob', DOC);
  // The server's sync step 1 comes once the room is built and bob's connection is open.
  await waitFor(() => bob.countSyncStep1() > 0, "the server's step 1", 20_000);
  const longest = watch.stop();
  const loaded = server.events.find((e) => e.event === 'yjs.room-loaded')?.detail;
  t.diagnostic(`one turn ${single.toFixed(1)} ms; cold join held the thread ${longest.toFixed(1)} ms at most`);
  t.diagnostic(`room loaded in ${String(loaded?.['turns'])} turns, longest ${String(loaded?.['longestTurnMs'])} ms`);
  assert.ok(longest < 0.5 * single, `longest block ${longest.toFixed(1)} ms, one-turn build ${single.toFixed(1)} ms`);

  const learned = bob.learnedDoc();
  const stored = await rebuildLatest(queriesOn(server.sqlite), DOC);
  assert.deepEqual(Y.encodeStateVector(learned), Y.encodeStateVector(stored.doc));
  const field = (doc: Y.Doc): string => doc.getText('approach.goals').toString();
  assert.equal(field(learned), field(stored.doc));
  assert.ok(field(learned).length > 40_000, 'the field holds the edits');
  learned.destroy();
  stored.doc.destroy();
  bob.close();
  await server.stop();
});
