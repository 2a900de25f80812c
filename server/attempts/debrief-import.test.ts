import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate, migrations } from '../db/migrations';
import type { Database } from '../db/schema';
import { importDebriefRecords } from './debrief-import';
import { rebuildLatest } from '../update-log/rebuild';
import { debriefToJSON } from '../../lib/plan/debrief';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';

after(removeTempDbs);

const BOARD = 'b_board_0000000000001';
const USER = 'u_jordan_000000000001';

test('a debrief saved as a record becomes its document’s first change, by who saved it, once', async () => {
  const sqlite = new BetterSqlite3(tempDbFile());
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // A database as it was before debriefs became documents.
    sqlite.exec(
      'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    for (const migration of migrations.filter((m) => m.id <= 3)) {
      sqlite.exec(migration.sql);
      sqlite.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(migration.id, migration.name);
    }
    sqlite.prepare(`INSERT INTO users VALUES (?, 'j@x.test', 'Jordan', 'h', 1)`).run(USER);
    sqlite.prepare(`INSERT INTO boards VALUES (?, 'Board', ?, 1)`).run(BOARD, USER);
    const row = sqlite.prepare(`INSERT INTO debriefs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    row.run(
      BOARD,
      1,
      'refused',
      '["walked-out"]',
      'He left.',
      JSON.stringify({ [USER]: 'Spoke first.' }),
      'Morning.',
      USER,
      1234,
    );
    // A record that does not parse still becomes a document, empty, rather than stopping the start.
    row.run(BOARD, 2, 'nonsense', 'not json', '', '{}', '', USER, 99);
    row.run(BOARD, 3, 'accepted', '[]', '', '{}', '', USER, 5);

    migrate(sqlite);
    // A document already stored as a checkpoint only is left as it is.
    await kysely
      .insertInto('doc_checkpoints')
      .values({ doc: `board/${BOARD}/debrief/3`, seq: 4, at: 7, state: new Uint8Array([0, 0]), parts: 1 })
      .execute();
    await importDebriefRecords(kysely);

    const first = await rebuildLatest(kysely, `board/${BOARD}/debrief/1`);
    assert.deepEqual(debriefToJSON(first.doc), {
      outcome: 'refused',
      wentWrong: ['walked-out'],
      details: 'He left.',
      participantNotes: { [USER]: 'Spoke first.' },
      lessons: 'Morning.',
    });
    first.doc.destroy();
    const log = await kysely.selectFrom('doc_updates').select(['doc', 'seq', 'at', 'user_id']).orderBy('doc').execute();
    assert.deepEqual(log, [
      { doc: `board/${BOARD}/debrief/1`, seq: 1, at: 1234, user_id: USER },
      { doc: `board/${BOARD}/debrief/2`, seq: 1, at: 99, user_id: USER },
    ]);

    await importDebriefRecords(kysely);
    const again = await kysely
      .selectFrom('doc_updates')
      .select(['doc', 'seq', 'at', 'user_id'])
      .orderBy('doc')
      .execute();
    assert.deepEqual(again, log, 'once');
  } finally {
    await kysely.destroy();
  }
});
