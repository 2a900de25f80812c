/**
 * Board leases on a real PostgreSQL (server/sync/board-leases.ts) and the fence they put on
 * appends (server/update-log/postgres-storage.ts): one owner at a time, a takeover only once
 * a lease expired, a new epoch at each change of owner, and a former owner's write refused.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { openPostgres, type Db } from '../../server/db/connection';
import { BoardLeases, type LeaseTiming } from '../../server/sync/board-leases';
import { fenceOf } from '../../server/sync/served-here';
import { postgresDocStorage, StaleLeaseError } from '../../server/update-log/postgres-storage';
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

test("a former owner's appends are refused once another process took the board; nothing is stored", async () => {
  await db.kysely.deleteFrom('board_leases').execute();
  const formerLost: string[] = [];
  const former = leases('f', [B2], formerLost);
  await former.acquire(B2);
  const stopped: string[] = [];
  const storage = postgresDocStorage(
    db.kysely,
    fenceOf(former, (boardId) => stopped.push(boardId)),
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
