/**
 * PostgreSQL restarting under a running server (a fast shutdown cuts every session, as an
 * upgrade or a failover does): edits typed meanwhile are stored once it is back, nothing is
 * lost, and the pages answer again without errors.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createBoard, person, planDoc } from '../helpers/board';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { openProvider } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { storedTextOn } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

let database: TestPostgresDatabase;
let server: RunningServer;
before(async () => {
  database = await freshPostgresDatabase();
  server = await startServer({ env: { DATABASE_URL: database.url } });
});
after(async () => {
  await server?.dispose();
  await database?.drop();
});

function restartPostgres(): void {
  execFileSync('bash', [path.resolve(__dirname, '../../scripts/test-services.sh'), 'restart-postgres'], {
    stdio: 'inherit',
  });
}

const storedText = (docName: string): Promise<string> => storedTextOn(database.url, docName);

test('edits typed while PostgreSQL restarts are all stored once it is back; pages answer again', async () => {
  const ivy = await person(server.url, 'Ivy');
  const board = await createBoard(ivy, 'Through a restart');
  const plan = planDoc(board);
  const writer = openProvider(server.url, ivy.cookieHeader(), plan, { label: 'writer' });
  const typed: string[] = [];
  const type = (word: string) => {
    typed.push(word);
    const text = writer.doc.getText('text');
    text.insert(text.length, `${word} `);
  };
  try {
    await waitFor(() => writer.provider.synced, 'synced');
    type('before');
    await waitFor(async () => (await storedText(plan)).includes('before'), 'stored before the restart');
    const typing = (async () => {
      for (let i = 0; i < 40; i++) {
        type(`during${i}`);
        await sleep(25);
      }
    })();
    await sleep(200);
    restartPostgres();
    await typing;
    type('after');
    await waitFor(
      async () => {
        const stored = await storedText(plan).catch(() => '');
        return typed.every((word) => stored.includes(`${word} `));
      },
      'every word typed is stored',
      20_000,
      100,
    );
    assert.equal(await storedText(plan), writer.doc.getText('text').toString(), 'the stored state is the page’s');
    for (let i = 0; i < 5; i++) {
      assert.equal((await ivy.json('GET', '/api/boards')).status, 200, 'pages answer without errors');
    }
  } finally {
    writer.destroy();
  }
});
