import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import { addMember, anotherSession, createBoard, person, planDoc } from '../helpers/board';
import { TestClient } from '../helpers/client';
import { synced } from '../helpers/providers';
import { assertClosedBy, type ScenePeople, timed, useRevocationScene } from '../helpers/revocation-scene';
import { waitFor } from '../helpers/wait';

/**
 * One's signed-in devices (docs/security.md, "The family computer"): the list, signing one out
 * or all of them, changing the password. Each cuts the ended sessions' live connections within a
 * second, as signing out does.
 */

const scene = useRevocationScene();
let people: ScenePeople;
before(async () => {
  people = await scene.start();
});

const LAPTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

interface ListedDevice {
  id: string;
  browser: string;
  firstSeenAt: number;
  lastSeenAt: number;
  shared: boolean;
  current: boolean;
}

async function devices(who: TestClient): Promise<ListedDevice[]> {
  const answer = await who.json<{ devices: ListedDevice[] }>('GET', '/api/account/devices');
  assert.equal(answer.status, 200);
  return answer.body.devices;
}

/** A person with a board, signed in on a laptop and a phone whose plan and channel are open. */
async function twoDevices(label: string) {
  const { server, ivy } = people;
  const owner = await createBoard(ivy, label);
  const someone = await person(server.url, label);
  await addMember(ivy, owner, someone, 'family');
  const laptop = await anotherSession(server.url, someone, { userAgent: LAPTOP });
  const phone = await anotherSession(server.url, someone, { userAgent: PHONE, shared: true });
  const phonePlan = scene.provider(phone, planDoc(owner), 'phone plan');
  const laptopPlan = scene.provider(laptop, planDoc(owner), 'laptop plan');
  await Promise.all([synced(phonePlan), synced(laptopPlan)]);
  const phoneChannel = await scene.channel(phone, owner);
  return { boardId: owner, someone, laptop, phone, phonePlan, laptopPlan, phoneChannel };
}

describe('signed-in devices', () => {
  test('the list names each device, when it signed in and was last used, and which one is this', async () => {
    const { someone, laptop } = await twoDevices('Devices');
    const list = await devices(laptop);
    const mine = list.filter((d) => d.browser === 'Chrome on Linux' || d.browser === 'Safari on iPhone');
    assert.deepEqual(
      mine.map((d) => [d.browser, d.current, d.shared]),
      [
        ['Chrome on Linux', true, false],
        ['Safari on iPhone', false, true],
      ],
    );
    for (const device of list) assert.ok(device.lastSeenAt >= device.firstSeenAt && device.firstSeenAt > 0);
    // The registration's own sign-in (no browser named) is listed too: three sessions.
    assert.equal(list.length, 3);
    assert.equal((await devices(someone)).filter((d) => d.current).length, 1);
  });

  test('signing out another device cuts its live connections at once; this one carries on', async () => {
    const { laptop, phone, phonePlan, laptopPlan, phoneChannel } = await twoDevices('Sign out one');
    const phoneId = (await devices(laptop)).find((d) => d.browser === 'Safari on iPhone')?.id ?? '';
    const done = await timed(async () => {
      const answer = await laptop.json('DELETE', `/api/account/devices/${phoneId}`);
      assert.equal(answer.status, 204);
    });
    await waitFor(() => phonePlan.terminal.length > 0 && phoneChannel.disconnects.length > 0, 'phone cut', 2000);
    assertClosedBy(done + 1000, phonePlan.closes[0]?.at, 'phone plan');
    assertClosedBy(done + 1000, phoneChannel.disconnects[0]?.at, 'phone board channel');
    assert.deepEqual(
      phonePlan.terminal.map((t) => t.code),
      [CloseCode.NotAuthenticated],
    );
    assert.equal(phoneChannel.named('session:ended').length, 1);
    assert.equal((await phone.json('GET', '/api/boards')).status, 401);
    // next-auth's own session read no longer names the person, and clears the dead cookie.
    const session = await phone.request('GET', '/api/auth/session');
    assert.deepEqual(await session.json(), {});
    assert.ok(
      session.headers.getSetCookie().some((line) => /session-token=;/.test(line)),
      'the cookie is cleared',
    );
    assert.equal((await laptop.json('GET', '/api/boards')).status, 200);
    assert.deepEqual(laptopPlan.closes, []);
    assert.equal(
      (await devices(laptop)).some((d) => d.id === phoneId),
      false,
    );
  });

  test("someone else's device, or one already gone, is not found", async () => {
    const { laptop, phone } = await twoDevices('Not mine');
    const phoneId = (await devices(phone)).find((d) => d.current)?.id ?? '';
    const stranger = people.gus;
    assert.equal((await stranger.json('DELETE', `/api/account/devices/${phoneId}`)).status, 404);
    assert.equal((await phone.json('GET', '/api/boards')).status, 200, 'untouched');
    assert.equal((await laptop.json('DELETE', `/api/account/devices/${phoneId}`)).status, 204);
    assert.equal((await laptop.json('DELETE', `/api/account/devices/${phoneId}`)).status, 404);
    assert.equal((await laptop.json('DELETE', '/api/account/devices', { keepThisDevice: 'yes' })).status, 400);
  });

  test('sign out everywhere ends every session, this one too, or only the others', async () => {
    const { someone, laptop, phone, phonePlan, laptopPlan } = await twoDevices('Everywhere');
    const others = await laptop.json<{ signedOut: number }>('DELETE', '/api/account/devices', { keepThisDevice: true });
    assert.deepEqual([others.status, others.body.signedOut], [200, 2]);
    await waitFor(() => phonePlan.terminal.length > 0, 'phone cut', 2000);
    assert.equal((await someone.json('GET', '/api/boards')).status, 401);
    assert.equal((await laptop.json('GET', '/api/boards')).status, 200);
    assert.equal((await phone.json('GET', '/api/boards')).status, 401);

    const all = await laptop.json<{ signedOut: number }>('DELETE', '/api/account/devices', {});
    assert.deepEqual([all.status, all.body.signedOut], [200, 1]);
    await waitFor(() => laptopPlan.terminal.length > 0, 'laptop cut too', 2000);
    assert.equal((await laptop.json('GET', '/api/boards')).status, 401);
  });
});

describe('changing the password', () => {
  test("a wrong current password changes nothing; a right one ends the person's other sessions", async () => {
    const { someone, laptop, phone, phonePlan, laptopPlan } = await twoDevices('Password');
    const wrong = await laptop.json('PUT', '/api/account/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new password',
    });
    assert.equal(wrong.status, 400);
    const same = await laptop.json('PUT', '/api/account/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'correct horse battery',
    });
    assert.equal(same.status, 400);
    const short = await laptop.json('PUT', '/api/account/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'short',
    });
    assert.equal(short.status, 400);
    assert.equal((await phone.json('GET', '/api/boards')).status, 200, 'nothing changed');
    assert.equal(phonePlan.closes.length, 0);

    const done = await timed(async () => {
      const changed = await laptop.json<{ signedOut: number }>('PUT', '/api/account/password', {
        currentPassword: 'correct horse battery',
        newPassword: 'a brand new password',
      });
      assert.deepEqual([changed.status, changed.body.signedOut], [200, 2]);
    });
    await waitFor(() => phonePlan.terminal.length > 0, 'the phone is cut', 2000);
    assertClosedBy(done + 1000, phonePlan.closes[0]?.at, 'phone plan');
    assert.equal((await phone.json('GET', '/api/boards')).status, 401);
    assert.equal((await someone.json('GET', '/api/boards')).status, 401);
    assert.equal((await laptop.json('GET', '/api/boards')).status, 200, 'the device that changed it stays');
    assert.deepEqual(laptopPlan.closes, []);
    assert.equal(await new TestClient(people.server.url).signIn(someone.email), false, 'the old password is gone');
    assert.equal(await new TestClient(people.server.url).signIn(someone.email, 'a brand new password'), true);
  });

  test('guessing the current password from a signed-in device is slowed like any sign-in', async () => {
    const { laptop } = await twoDevices('Guessing');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await laptop.json('PUT', '/api/account/password', {
            currentPassword: `guess ${i}`,
            newPassword: 'x'.repeat(12),
          })
        ).status,
      );
    }
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
  });
});
