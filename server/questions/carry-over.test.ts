import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openDatabase } from '../db/connection';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { copyOpenQuestions } from './carry-over';

after(removeTempDbs);

test('staging carries open questions over; answered and withdrawn ones stay with their attempt', () => {
  const { sqlite } = openDatabase(tempDbFile());
  try {
    sqlite.prepare("INSERT INTO users VALUES ('u_asker_0000000000001', 'a@x.test', 'Ana', 'h', 1)").run();
    sqlite.prepare("INSERT INTO boards VALUES ('b_board_0000000000001', 'Board', 'u_asker_0000000000001', 1)").run();
    const add = sqlite.prepare(
      `INSERT INTO questions (id, board_id, attempt, asked_by, question, answer, created_at, withdrawn_at)
       VALUES (?, 'b_board_0000000000001', 1, 'u_asker_0000000000001', ?, ?, ?, ?)`,
    );
    add.run('q_open_00000000000001', 'Who drives?', '', 10, null);
    add.run('q_answered_0000000001', 'Where?', 'At home.', 20, null);
    add.run('q_withdrawn_000000001', 'When?', '', 30, 40);
    assert.equal(copyOpenQuestions(sqlite, 'b_board_0000000000001', 1, 2), 1);
    const copied = sqlite
      .prepare(
        "SELECT id, question, asked_by, created_at FROM questions WHERE attempt = 2 AND board_id = 'b_board_0000000000001'",
      )
      .all() as { id: string; question: string; asked_by: string; created_at: number }[];
    assert.equal(copied.length, 1);
    assert.equal(copied[0]?.question, 'Who drives?');
    assert.equal(copied[0]?.asked_by, 'u_asker_0000000000001');
    assert.equal(copied[0]?.created_at, 10);
    assert.notEqual(copied[0]?.id, 'q_open_00000000000001');
    const first = sqlite.prepare('SELECT COUNT(*) AS n FROM questions WHERE attempt = 1').get() as { n: number };
    assert.equal(first.n, 3, 'attempt 1 keeps all of its questions');
  } finally {
    sqlite.close();
  }
});
