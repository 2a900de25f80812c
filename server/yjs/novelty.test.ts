import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { addsNothingNew } from './novelty';

test('a full-state resend after deletions adds nothing; a new insert or a new deletion does', () => {
  const server = new Y.Doc();
  const client = new Y.Doc();
  client.getText('t').insert(0, 'hello world');
  client.getText('t').delete(0, 6);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  // What a reconnecting provider sends as sync step 2: everything it has, deletions included.
  assert.equal(
    addsNothingNew(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))),
    true,
  );
  assert.equal(addsNothingNew(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client))), true);

  const before = Y.encodeStateVector(client);
  client.getText('t').insert(5, '!');
  assert.equal(
    addsNothingNew(server, Y.decodeUpdate(Y.encodeStateAsUpdate(client, before))),
    false,
    'an insert is new',
  );

  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(other);
  other.getText('t').delete(0, 1);
  assert.equal(
    addsNothingNew(server, Y.decodeUpdate(Y.encodeStateAsUpdate(other, sv))),
    false,
    'a deletion of a known item is new',
  );
});
