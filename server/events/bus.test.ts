import assert from 'node:assert/strict';
import test from 'node:test';
import { deliverFromPeer, installForwarder, publish, publishSettled, subscribe, type BusEvent } from './bus';

const EVENT: BusEvent = { type: 'access-changed', boardId: 'b1' };

test('publishSettled resolves only after every listener has finished with the event', async () => {
  const done: string[] = [];
  const offSlow = subscribe(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    done.push('slow');
  });
  const offQuick = subscribe(() => {
    done.push('quick');
  });
  try {
    await publishSettled(EVENT);
    assert.deepEqual(done.sort(), ['quick', 'slow']);
  } finally {
    offSlow();
    offQuick();
  }
});

test('a listener that throws neither stops the others nor reaches publish; publishSettled reports it', async () => {
  const seen: BusEvent[] = [];
  const offFailing = subscribe(() => {
    throw new Error('listener broke');
  });
  const offOther = subscribe((event) => {
    seen.push(event);
  });
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    assert.doesNotThrow(() => publish(EVENT));
    assert.deepEqual(seen, [EVENT]);
    await assert.rejects(publishSettled(EVENT), /listener broke/);
    assert.equal(seen.length, 2);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(logged.length, 1, 'publish logs the failure');
  } finally {
    console.error = original;
    offFailing();
    offOther();
  }
});

test('an unsubscribed listener hears nothing more', async () => {
  let heard = 0;
  const off = subscribe(() => {
    heard++;
  });
  await publishSettled(EVENT);
  off();
  await publishSettled(EVENT);
  assert.equal(heard, 1);
});

test('publishSettled waits for the forwarder too; a delivery from another process never reaches it', async () => {
  const forwarded: BusEvent[] = [];
  const heard: BusEvent[] = [];
  let sent = false;
  const uninstall = installForwarder(async (event) => {
    forwarded.push(event);
    await new Promise((resolve) => setTimeout(resolve, 30));
    sent = true;
  });
  const off = subscribe((event) => {
    heard.push(event);
  });
  try {
    await publishSettled(EVENT);
    assert.equal(sent, true, 'resolved only once the forwarder had sent it');
    await deliverFromPeer({ type: 'board-deleted', boardId: 'b2' });
    assert.deepEqual(forwarded, [EVENT], 'not sent back');
    assert.deepEqual(heard, [EVENT, { type: 'board-deleted', boardId: 'b2' }], 'both reach the listeners');
  } finally {
    off();
    uninstall();
  }
  await publishSettled(EVENT);
  assert.equal(forwarded.length, 1, 'an uninstalled forwarder hears nothing more');
});
