import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { openDatabase } from '../db/connection';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { appendUpdate, writeCheckpointRow } from '../update-log/log-writes';
import { timelinePage } from './timeline';

after(removeTempDbs);

const DOC = 'board/b1/attempt/1';

test('each change of a page is told with the sections it touched', async () => {
  const { kysely } = openDatabase(tempDbFile());
  const editor = new Y.Doc();
  const updates: Uint8Array[] = [];
  editor.on('update', (update: Uint8Array) => updates.push(update));
  editor.getMap('logistics').set('place', 'home');
  editor.getText('impact').insert(0, 'We love you.');
  editor.getArray<Y.Map<string>>('team').push([new Y.Map([['name', 'Pat']])]);
  editor.getText('impact').insert(0, 'Sam, ');
  for (const [index, update] of updates.entries()) await appendUpdate(kysely, DOC, `u${index}`, update, 1000 + index);
  // The state after the first two changes, as the sync server would checkpoint it.
  const atTwo = new Y.Doc();
  for (const update of updates.slice(0, 2)) Y.applyUpdate(atTwo, update);
  await writeCheckpointRow(kysely, DOC, 2, [Y.encodeStateAsUpdate(atTwo)]);
  atTwo.destroy();

  const all = await timelinePage(kysely, DOC, 0, 10);
  assert.deepEqual(
    all.map((entry) => [entry.seq, entry.userId, entry.fields]),
    [
      [1, 'u0', ['logistics']],
      [2, 'u1', ['impact']],
      [3, 'u2', ['team']],
      [4, 'u3', ['impact']],
    ],
  );
  assert.ok(all.every((entry) => entry.size > 0));
  const later = await timelinePage(kysely, DOC, 2, 1);
  assert.deepEqual(
    later.map((entry) => [entry.seq, entry.fields]),
    [[3, ['team']]],
  );
  assert.deepEqual(await timelinePage(kysely, DOC, 4, 10), []);
  editor.destroy();
  await kysely.destroy();
});
