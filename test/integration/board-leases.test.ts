/**
 * Board leases on a real PostgreSQL (server/sync/board-leases.ts) and the fence they put on
 * appends (server/update-log/postgres-storage.ts): one owner at a time, a takeover only once
 * a lease expired, a new epoch at each change of owner, and a former owner's write refused.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { narrowAccess } from '../../server/boards/access-version';
import { openPostgres, type Db } from '../../server/db/connection';
import { BoardLeases, type LeaseTiming } from '../../server/sync/board-leases';
import { fenceOf } from '../../server/sync/served-here';
import { postgresDocStorage, StaleLeaseError, WriterRefusedError } from '../../server/update-log/postgres-storage';
import type { DocAccess, Principal } from '../../server/yjs/types';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { sleep } from '../helpers/wait';

/** Four boards' ids, in the shape ids have (a document name is parsed for its board). */
const boardId = (n: number): string => `board${n}`.padEnd(22, 'A');
const [B1, B2, B3, B4] = [boardId(1), boardId(2), boardId(3), boardId(4)];

let database: TestPostgresDatabase;
let db: Db;
before(async () => {
  database = await freshPostgresDatabase();
  db = openPostgres(database.url, 4);
  await db.ready;
  await db.kysely
    .insertInto('users')
    .values({ id: 'u', email: 'u@example.org', name: 'U', password_hash: 'x', created_at: 1 })
    .execute();
  for (const id of [B1, B2, B3, B4])
    await db.kysely.insertInto('boards').values({ id, title: id, created_by: 'u', created_at: 1 }).execute();
});
after(async () => {
  await db?.kysely.destroy();
  await database?.drop();
});

const SHORT: LeaseTiming = { ttlMs: 400, renewEveryMs: 100, giveUpAfterMs: 250, keepFreshMs: 0 };

function leases(owner: string, inUse: string[], lost: string[] = []): BoardLeases {
  return new BoardLeases(
    db.kysely,
    owner,
    `${owner}:1`,
    () => new Set(inUse),
    (boards) => lost.push(...boards),
    SHORT,
  );
}

test('one owner at a time: a held lease is refused to others until it expires, then taken with a new epoch', async () => {
  const aLost: string[] = [];
  const a = leases('a', [B1], aLost);
  const b = leases('b', [B1]);
  const first = await a.acquire(B1);
  assert.deepEqual(first, { mine: true, epoch: 1 });
  assert.deepEqual(await b.acquire(B1), { mine: false, address: 'a:1' });
  await a.renew();
  assert.deepEqual(await b.acquire(B1), { mine: false, address: 'a:1' }, 'renewed, still held');
  await sleep(SHORT.ttlMs + 100);
  assert.deepEqual(await b.acquire(B1), { mine: true, epoch: 2 }, 'expired: taken over, next epoch');
  // The former owner's renewal finds the board gone to another owner: it stops serving it.
  await a.renew();
  assert.deepEqual(aLost, [B1]);
  assert.equal(a.epochOf(B1), undefined);
});

test('a lease nobody uses is given back at the next renewal; shutdown gives back the rest', async () => {
  const inUse = new Set([B3]);
  const a = new BoardLeases(
    db.kysely,
    'c',
    'c:1',
    () => inUse,
    () => undefined,
    SHORT,
  );
  await a.acquire(B3);
  inUse.clear();
  await a.renew();
  const row = await db.kysely.selectFrom('board_leases').select('owner').where('board_id', '=', B3).executeTakeFirst();
  assert.equal(row, undefined, 'given back');
  assert.deepEqual(await leases('d', [B3]).acquire(B3), { mine: true, epoch: 1 }, 'free at once for another');
});

test('a process that cannot renew in time gives every board up before its lease expires', async () => {
  const lost: string[] = [];
  // A connection of its own, closed below: the database is out of reach, as in a partition.
  const own = openPostgres(database.url, 1);
  await own.ready;
  const a = new BoardLeases(
    own.kysely,
    'e',
    'e:1',
    () => new Set([B4]),
    (boards) => lost.push(...boards),
    SHORT,
  );
  await a.acquire(B4);
  await own.kysely.destroy();
  await a.renew();
  assert.deepEqual(lost, [], 'one failed renewal is not yet the deadline');
  await sleep(SHORT.giveUpAfterMs + 50);
  await a.renew();
  assert.deepEqual(lost, [B4], 'past the deadline the board is given up');
  assert.equal(a.epochOf(B4), undefined);
});

test('two sockets of a board arriving together take its lease once: one epoch, in memory as in the row, and appends stored', async () => {
  await db.kysely.deleteFrom('board_leases').execute();
  const owner = leases('together', [B4]);
  const answers = await Promise.all([owner.acquire(B4), owner.acquire(B4), owner.acquire(B4)]);
  assert.deepEqual(answers, [
    { mine: true, epoch: 1 },
    { mine: true, epoch: 1 },
    { mine: true, epoch: 1 },
  ]);
  const row = await db.kysely.selectFrom('board_leases').select('epoch').where('board_id', '=', B4).executeTakeFirst();
  assert.equal(row?.epoch, 1, 'taken once');
  assert.equal(owner.epochOf(B4), 1);
  const storage = postgresDocStorage(
    db.kysely,
    fenceOf(owner, {
      accessOf: () => assert.fail('access did not change'),
      writersRefused: () => assert.fail('access did not change'),
      stopServing: () => assert.fail('the lease is held'),
      checkAgain: () => assert.fail('access did not change'),
    }),
  );
  await storage.transaction(() => storage.appendAt(`board/${B4}/attempt/1`, 1, 'u', new Uint8Array([0, 0])));
});

test("a former owner's appends are refused once another process took the board; nothing is stored", async () => {
  await db.kysely.deleteFrom('board_leases').execute();
  const formerLost: string[] = [];
  const former = leases('f', [B2], formerLost);
  await former.acquire(B2);
  const stopped: string[] = [];
  const storage = postgresDocStorage(
    db.kysely,
    fenceOf(former, {
      accessOf: () => assert.fail('access did not change'),
      writersRefused: () => assert.fail('access did not change'),
      stopServing: (boardId) => stopped.push(boardId),
      checkAgain: () => assert.fail('access did not change'),
    }),
  );
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'kept');
  await storage.transaction(() => storage.appendAt(`board/${B2}/attempt/1`, 1, 'u', Y.encodeStateAsUpdate(doc)));
  // Paused past its lease: another process takes the board over.
  await sleep(SHORT.ttlMs + 100);
  assert.equal((await leases('g', [B2]).acquire(B2)).mine, true);
  const late = storage.transaction(() => storage.appendAt(`board/${B2}/attempt/1`, 2, 'u', new Uint8Array([0, 0])));
  await assert.rejects(async () => late, StaleLeaseError);
  assert.deepEqual(stopped, [B2], 'the board is given up');
  assert.equal(former.epochOf(B2), undefined);
  const rows = await db.kysely
    .selectFrom('doc_updates')
    .select('seq')
    .where('doc', '=', `board/${B2}/attempt/1`)
    .execute();
  assert.deepEqual(
    rows.map((row) => row.seq),
    [1],
    'nothing of the refused write is stored',
  );
});

test("a process started again at the same address takes its former start's leases at once", async () => {
  await db.kysely.deleteFrom('board_leases').execute();
  const before = new BoardLeases(
    db.kysely,
    'before-restart',
    'h:1',
    () => new Set([B3]),
    () => undefined,
    SHORT,
  );
  assert.deepEqual(await before.acquire(B3), { mine: true, epoch: 1 });
  const after = new BoardLeases(
    db.kysely,
    'after-restart',
    'h:1',
    () => new Set([B3]),
    () => undefined,
    SHORT,
  );
  assert.deepEqual(await after.acquire(B3), { mine: true, epoch: 2 }, 'no wait for the lease to expire');
  assert.deepEqual(await leases('elsewhere', [B3]).acquire(B3), { mine: false, address: 'h:1' });
});

test('after a narrowing of access commits, and before its news, each writer is asked again: an allowed one is stored, a refused one stores nothing', async () => {
  await db.kysely.deleteFrom('board_leases').execute();
  const owner = leases('h', [B1]);
  await owner.acquire(B1);
  const rechecks: string[] = [];
  const asked: string[] = [];
  const told: string[] = [];
  // Jordan may still write; Riley's access is what the change took away.
  const access = new Map<string, DocAccess>([
    ['jordan', 'write'],
    ['riley', 'read'],
  ]);
  const storage = postgresDocStorage(
    db.kysely,
    fenceOf(owner, {
      accessOf: async (writer) => {
        asked.push(writer.userId);
        return access.get(writer.userId) ?? 'none';
      },
      writersRefused: (refused) => told.push(...refused.map((r) => `${r.writer.userId} ${r.now}`)),
      stopServing: () => assert.fail('the lease is still held'),
      checkAgain: (boardIds) => rechecks.push(...boardIds),
    }),
  );
  const doc = `board/${B1}/attempt/1`;
  const writer = (userId: string): Principal => ({ userId, sessionId: `${userId}-session`, name: userId });
  const append = (seq: number, userId: string) =>
    storage.transaction(() => storage.appendAt(doc, seq, userId, new Uint8Array([0, 0]), writer(userId)));
  await db.kysely.deleteFrom('doc_updates').where('doc', '=', doc).execute();
  await append(1, 'jordan');
  await append(2, 'riley');
  assert.deepEqual(asked, [], 'nobody is asked again while the version is the one checked');

  // A removal commits (its transaction bumps the version); its news has not reached the owner yet.
  await transactOn(db, (tx) => narrowAccess(tx, B1));
  await append(3, 'jordan');
  assert.deepEqual(asked, ['jordan'], 'the writer was asked again, and stored');
  assert.deepEqual(rechecks, [B1], "the board's sockets are to be checked again");
  await assert.rejects(async () => append(4, 'riley'), WriterRefusedError);
  assert.deepEqual(told, ['riley read'], 'the refused writer is told why');
  // A write holding both is refused whole: the room reloads, and Jordan's client sends again.
  await assert.rejects(
    async () =>
      storage.transaction(() => {
        storage.appendAt(doc, 4, 'jordan', new Uint8Array([0, 0]), writer('jordan'));
        storage.appendAt(doc, 5, 'riley', new Uint8Array([0, 0]), writer('riley'));
      }),
    WriterRefusedError,
  );

  // Once the sockets were checked (the version read before the check is recorded), nobody is asked.
  owner.checkedAt(await owner.accessVersions([B1]));
  asked.length = 0;
  await append(4, 'jordan');
  assert.deepEqual(asked, []);
  const rows = await db.kysely
    .selectFrom('doc_updates')
    .select(['seq', 'user_id'])
    .where('doc', '=', doc)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    rows.map((row) => `${row.seq} ${row.user_id}`),
    ['1 jordan', '2 riley', '3 jordan', '4 jordan'],
  );
});

/** A transaction on this test's own database (transact() works on the process's global one). */
async function transactOn(database: Db, work: (tx: Db['kysely']) => Promise<void>): Promise<void> {
  await database.kysely.transaction().execute(work);
}
