import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { cleanUp } from '../../test/helpers/sync-server';
import { tempDbFile } from '../../test/helpers/temp-db';
import { TurnBatch, type Recipient } from './turn-batch';

after(cleanUp);

/** The one part of DocStorage a batch uses, on this test's own table. */
function transactionsOf(sqlite: BetterSqlite3.Database): { transaction(work: () => void): void } {
  return { transaction: (work) => sqlite.transaction(work)() };
}

function database(): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(tempDbFile());
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE log (room TEXT NOT NULL, n INTEGER NOT NULL)');
  return sqlite;
}

function count(sqlite: BetterSqlite3.Database): number {
  return (sqlite.prepare('SELECT COUNT(*) AS n FROM log').get() as { n: number }).n;
}

/** Records what it is sent and how many log rows were committed (seen by a second connection) at that moment. */
class Listener implements Recipient {
  readonly got: Array<{ text: string; committedRows: number }> = [];
  constructor(private readonly observer: BetterSqlite3.Database) {}
  deliver(bytes: Uint8Array): void {
    this.got.push({ text: Buffer.from(bytes).toString(), committedRows: count(this.observer) });
  }
}

function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

test('one turn of messages runs in one transaction, in order, and its sends wait for the commit', async () => {
  const sqlite = database();
  const observer = new BetterSqlite3(sqlite.name, { readonly: true });
  const insert = sqlite.prepare('INSERT INTO log (room, n) VALUES (?, ?)');
  const batch = new TurnBatch<string>(transactionsOf(sqlite), () => assert.fail('nothing fails here'));
  const listener = new Listener(observer);
  const order: number[] = [];
  for (let n = 1; n <= 3; n++) {
    batch.enqueue('room-a', () => {
      assert.equal(sqlite.inTransaction, true);
      insert.run('room-a', n);
      order.push(n);
      batch.send(listener, Buffer.from(`update ${n}`));
    });
  }
  assert.deepEqual(order, [], 'nothing runs before the turn ends');
  await turn();
  assert.deepEqual(order, [1, 2, 3]);
  assert.deepEqual(listener.got, [
    { text: 'update 1', committedRows: 3 },
    { text: 'update 2', committedRows: 3 },
    { text: 'update 3', committedRows: 3 },
  ]);
  // Outside a batch a send goes at once.
  batch.send(listener, Buffer.from('direct'));
  assert.equal(listener.got.at(-1)?.text, 'direct');
  observer.close();
  sqlite.close();
});

test('a batch whose commit fails sends nothing and reports every room it touched', async () => {
  const sqlite = database();
  // Stands in for a disk that fails mid-transaction: the whole transaction is rolled back.
  sqlite.exec(
    `CREATE TRIGGER fail BEFORE INSERT ON log WHEN NEW.n = 13 BEGIN SELECT RAISE(ROLLBACK, 'disk failed'); END`,
  );
  const insert = sqlite.prepare('INSERT INTO log (room, n) VALUES (?, ?)');
  const failures: Array<{ rooms: string[]; error: string }> = [];
  const batch = new TurnBatch<string>(transactionsOf(sqlite), (rooms, error) =>
    failures.push({ rooms: [...rooms].sort(), error: String(error) }),
  );
  const listener = new Listener(sqlite);
  batch.enqueue('room-a', () => {
    insert.run('room-a', 1);
    batch.send(listener, Buffer.from('update 1'));
  });
  batch.enqueue('room-b', () => {
    // Work that throws (as a failing statement does) rolls the whole batch back.
    insert.run('room-b', 13);
  });
  await turn();
  assert.equal(count(sqlite), 0, 'nothing of the batch is stored');
  assert.deepEqual(listener.got, [], 'nothing of the batch is sent');
  assert.equal(failures.length, 1);
  assert.deepEqual(failures[0]?.rooms, ['room-a', 'room-b']);
  assert.match(failures[0]?.error ?? '', /disk failed/);
  // The next turn is a new batch and works again.
  batch.enqueue('room-a', () => {
    insert.run('room-a', 2);
    batch.send(listener, Buffer.from('update 2'));
  });
  await turn();
  assert.deepEqual(listener.got, [{ text: 'update 2', committedRows: 1 }]);
  sqlite.close();
});

/** A store whose commits land when the test says (PostgreSQL's, over the network). */
function laterCommits(): {
  storage: { transaction(work: () => void): Promise<void> };
  pending: Array<{ resolve(): void; reject(error: Error): void }>;
} {
  const pending: Array<{ resolve(): void; reject(error: Error): void }> = [];
  return {
    pending,
    storage: {
      transaction(work) {
        work();
        return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
      },
    },
  };
}

/** A recipient in a room, as a connection is. */
function member(room: string): Recipient & { got: string[] } {
  const got: string[] = [];
  return { room, got, deliver: (bytes) => got.push(Buffer.from(bytes).toString()) };
}

test('while a commit that lands later is under way, every send waits and new messages wait for the next batch', async () => {
  const { storage, pending } = laterCommits();
  const batch = new TurnBatch<string>(storage, () => assert.fail('nothing fails here'));
  const inA = member('room-a');
  const inB = member('room-b');
  const ran: string[] = [];
  const settled: boolean[] = [];
  batch.enqueue(
    'room-a',
    () => {
      ran.push('first');
      batch.send(inA, Buffer.from('update 1'));
    },
    (stored) => settled.push(stored),
  );
  await turn();
  assert.deepEqual(ran, ['first']);
  assert.equal(pending.length, 1, 'one commit under way');
  // A send from outside the batch (a join to another room) waits too: the documents may hold
  // what is not stored yet, and nothing tells them apart here.
  batch.send(inB, Buffer.from('sync step'));
  batch.enqueue('room-b', () => ran.push('second'));
  await turn();
  assert.deepEqual(ran, ['first'], 'the next message waits for the commit');
  assert.deepEqual([inA.got, inB.got, settled], [[], [], []]);
  pending[0]?.resolve();
  await turn();
  assert.deepEqual(inA.got, ['update 1']);
  assert.deepEqual(inB.got, ['sync step']);
  assert.deepEqual(settled, [true]);
  assert.deepEqual(ran, ['first', 'second'], 'the waiting message is the next batch');
  const done = batch.settled();
  pending[1]?.resolve();
  await done;
  batch.send(inA, Buffer.from('direct'));
  assert.equal(inA.got.at(-1), 'direct', 'with nothing under way a send goes at once');
});

test('a commit that fails later reports its rooms; what was held for other rooms still goes out', async () => {
  const { storage, pending } = laterCommits();
  const failures: string[][] = [];
  const batch = new TurnBatch<string>(storage, (rooms) => failures.push([...rooms]));
  const inA = member('room-a');
  const inB = member('room-b');
  const settled: boolean[] = [];
  batch.enqueue(
    'room-a',
    () => batch.send(inA, Buffer.from('update 1')),
    (stored) => settled.push(stored),
  );
  await turn();
  batch.send(inB, Buffer.from('presence'));
  pending[0]?.reject(new Error('connection lost'));
  await turn();
  assert.deepEqual(failures, [['room-a']]);
  assert.deepEqual(settled, [false]);
  assert.deepEqual(inA.got, [], 'nothing the failed batch would have sent goes out');
  assert.deepEqual(inB.got, ['presence'], 'a room the batch did not touch gets what it was sent');
});
