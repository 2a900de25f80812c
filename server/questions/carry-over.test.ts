import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openDatabase } from '../db/connection';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { copyOpenQuestions } from './carry-over';

after(removeTempDbs);

const BOARD = 'b_board_0000000000001';
const ASKER = 'u_asker_0000000000001';

test('staging carries open questions over; answered and withdrawn ones stay with their attempt', async () => {
  const { kysely } = openDatabase(tempDbFile());
  try {
    await kysely
      .insertInto('users')
      .values({ id: ASKER, email: 'a@x.test', name: 'Ana', password_hash: 'h', created_at: 1 })
      .execute();
    await kysely.insertInto('boards').values({ id: BOARD, title: 'Board', created_by: ASKER, created_at: 1 }).execute();
    const question = (id: string, text: string, answer: string, createdAt: number, withdrawnAt: number | null) => ({
      id,
      board_id: BOARD,
      attempt: 1,
      asked_by: ASKER,
      question: text,
      answer,
      created_at: createdAt,
      withdrawn_at: withdrawnAt,
    });
    await kysely
      .insertInto('questions')
      .values([
        question('q_open_00000000000001', 'Who drives?', '', 10, null),
        question('q_answered_0000000001', 'Where?', 'At home.', 20, null),
        question('q_withdrawn_000000001', 'When?', '', 30, 40),
      ])
      .execute();
    assert.equal(await copyOpenQuestions(kysely, BOARD, 1, 2), 1);
    const copied = await kysely
      .selectFrom('questions')
      .select(['id', 'question', 'asked_by', 'created_at', 'answer', 'withdrawn_at'])
      .where('attempt', '=', 2)
      .where('board_id', '=', BOARD)
      .execute();
    assert.equal(copied.length, 1);
    assert.equal(copied[0]?.question, 'Who drives?');
    assert.equal(copied[0]?.asked_by, ASKER);
    assert.equal(copied[0]?.created_at, 10);
    assert.equal(copied[0]?.answer, '');
    assert.equal(copied[0]?.withdrawn_at, null);
    assert.notEqual(copied[0]?.id, 'q_open_00000000000001');
    const first = await kysely
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('attempt', '=', 1)
      .executeTakeFirstOrThrow();
    assert.equal(first.n, 3, 'attempt 1 keeps all of its questions');
    assert.equal(await copyOpenQuestions(kysely, BOARD, 3, 4), 0, 'an attempt without questions copies none');
  } finally {
    await kysely.destroy();
  }
});
