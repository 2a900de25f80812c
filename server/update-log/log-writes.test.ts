import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { openDatabase } from '../db/connection';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { appendUpdate, writeCheckpointRow } from './log-writes';
import { readStoredParts } from './rebuild';

after(removeTempDbs);

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

test('sequence numbers are per document and continue after checkpoints', async () => {
  const { kysely } = openDatabase(tempDbFile());
  const update = Y.encodeStateAsUpdate(new Y.Doc());
  assert.equal(await appendUpdate(kysely, 'a', 'u', update), 1);
  assert.equal(await appendUpdate(kysely, 'b', 'u', update), 1);
  assert.equal(await appendUpdate(kysely, 'a', 'u', update), 2);
  await writeCheckpointRow(kysely, 'a', 2, [update]);
  // Were the log before a checkpoint ever pruned, numbering must not restart.
  await kysely.deleteFrom('doc_updates').where('doc', '=', 'a').execute();
  assert.equal(await appendUpdate(kysely, 'a', 'u', update), 3);
  const row = await kysely
    .selectFrom('doc_updates')
    .select(['user_id', 'at', 'bytes'])
    .where('doc', '=', 'a')
    .where('seq', '=', 3)
    .executeTakeFirstOrThrow();
  assert.equal(row.user_id, 'u');
  assert.ok(row.at > 0);
  assert.deepEqual([...row.bytes], [...update]);
  await kysely.destroy();
});

test('a checkpoint written again at the same seq replaces the first', async () => {
  const { kysely } = openDatabase(tempDbFile());
  const first = textUpdate('first');
  const second = [textUpdate('sec'), textUpdate('ond')];
  await appendUpdate(kysely, 'a', 'u', first, 10);
  await writeCheckpointRow(kysely, 'a', 1, [first], 20);
  await writeCheckpointRow(kysely, 'a', 1, second, 30);
  const rows = await kysely.selectFrom('doc_checkpoints').select(['seq', 'at', 'parts']).execute();
  assert.deepEqual(rows, [{ seq: 1, at: 30, parts: 2 }]);
  const stored = await readStoredParts(kysely, 'a', 1);
  assert.deepEqual(
    stored.parts.map((part) => [...part]),
    second.map((part) => [...part]),
  );
  await kysely.destroy();
});
