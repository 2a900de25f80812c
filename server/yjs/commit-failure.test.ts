import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import { syncUpdate, textUpdate } from '../../test/helpers/frames';
import { synced } from '../../test/helpers/providers';
import { storedCount } from '../../test/helpers/stored-docs';
import { cleanUp, client, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/plan';

test('an update whose commit fails reaches nobody; the room reloads from the log and editing goes on', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  server.access.set('bob', DOC, 'write');
  const bob = client(server, 'bob', DOC);
  await synced(bob);
  const alice = await rawClient(server, 'alice', DOC);
  alice.send(syncUpdate(textUpdate('stored ')));
  await waitFor(() => bob.doc.getText('text').toString().includes('stored'), 'first update delivered');
  // The disk fails on the next update: SQLite rolls the whole transaction back.
  server.sqlite.exec(
    `CREATE TRIGGER fail BEFORE INSERT ON doc_updates WHEN NEW.seq = 2 BEGIN SELECT RAISE(ROLLBACK, 'disk failed'); END`,
  );
  alice.send(syncUpdate(textUpdate('lost ')));
  const closed = await alice.closed;
  assert.equal(closed.code, CloseCode.InternalError, 'the sender may reconnect and send it again');
  // Bob's room may hold what the log does not, so it is closed and reloaded.
  await waitFor(() => bob.closeCodes.includes(CloseCode.InternalError), 'room members closed');
  await synced(bob);
  assert.equal(
    bob.doc.getText('text').toString().includes('lost'),
    false,
    'an update that was not stored was not sent',
  );
  assert.equal(storedCount(server.sqlite, DOC), 1);
  assert.ok(server.events.some((e) => e.event === 'yjs.commit-error'));

  server.sqlite.exec('DROP TRIGGER fail');
  bob.doc.getText('text').insert(0, 'after ');
  await waitFor(() => storedCount(server.sqlite, DOC) === 2, 'editing goes on');
});
