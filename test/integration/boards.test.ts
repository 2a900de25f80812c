import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient, uniqueEmail } from '../helpers/client';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.dispose();
});

async function person(label: string): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.register(uniqueEmail(label), label);
  return client;
}

async function boardWith(owner: TestClient, title = 'Helping Sam'): Promise<string> {
  const created = await owner.json<{ board: { id: string; role: string } }>('POST', '/api/boards', { title });
  assert.equal(created.status, 201);
  assert.equal(created.body.board.role, 'interventionist');
  return created.body.board.id;
}

async function invite(owner: TestClient, boardId: string, role: string): Promise<string> {
  const res = await owner.json<{ token: string; url: string }>('POST', `/api/boards/${boardId}/invites`, {
    role,
    label: 'Aunt Pat',
  });
  assert.equal(res.status, 201);
  assert.match(res.body.url, /\/invite\//);
  return res.body.token;
}

/** Accepts an invite as `member` and has the owner approve it: how anyone joins. */
async function join(owner: TestClient, boardId: string, member: TestClient, token: string): Promise<void> {
  assert.equal((await member.json('POST', `/api/invites/${token}/accept`)).status, 200);
  const list = await owner.json<{ invites: { id: string; status: string }[] }>('GET', `/api/boards/${boardId}/invites`);
  const waiting = list.body.invites.find((i) => i.status === 'waiting');
  assert.ok(waiting, 'the accepted invite waits for approval');
  const decided = await owner.json('PUT', `/api/boards/${boardId}/invites/${waiting.id}/decision`, {
    decision: 'approved',
  });
  assert.equal(decided.status, 200);
}

describe('boards, members and invites', () => {
  test('create a board and list it; strangers get 404, not 403', async () => {
    const owner = await person('Owner');
    const stranger = await person('Stranger');
    const boardId = await boardWith(owner);
    const mine = await owner.json<{ boards: { id: string }[] }>('GET', '/api/boards');
    assert.deepEqual(
      mine.body.boards.map((b) => b.id),
      [boardId],
    );
    assert.equal((await stranger.json('GET', `/api/boards/${boardId}`)).status, 404);
    assert.equal((await stranger.json('GET', `/api/boards/not-an-id`)).status, 404);
    assert.equal(
      (await stranger.json('POST', `/api/boards/${boardId}/invites`, { role: 'family', label: 'X' })).status,
      404,
    );
    assert.equal((await owner.json('POST', '/api/boards', { title: '' })).status, 400);
    assert.equal((await owner.json('POST', '/api/boards', { title: 'x'.repeat(81) })).status, 400);
  });

  test('an invite is single use and adds the person with its role, once approved', async () => {
    const owner = await person('Owner');
    const boardId = await boardWith(owner);
    const token = await invite(owner, boardId, 'family');
    const relative = await person('Relative');
    const preview = await relative.json<{ invite: { invitedBy: string; label: string; role: string } }>(
      'GET',
      `/api/invites/${token}`,
    );
    assert.deepEqual(
      [preview.body.invite.invitedBy, preview.body.invite.label, preview.body.invite.role],
      ['Owner', 'Aunt Pat', 'family'],
    );
    await join(owner, boardId, relative, token);
    const board = await relative.json<{ role: string; members: { name: string; role: string }[] }>(
      'GET',
      `/api/boards/${boardId}`,
    );
    assert.equal(board.body.role, 'family');
    assert.deepEqual(board.body.members.map((m) => m.role).sort(), ['family', 'interventionist']);
    const late = await person('Late');
    assert.equal((await late.json('POST', `/api/invites/${token}/accept`)).status, 410);
    assert.equal((await late.json('GET', `/api/boards/${boardId}`)).status, 404);
  });

  test('revoked, unknown and expired invites are refused', async () => {
    const owner = await person('Owner');
    const boardId = await boardWith(owner);
    const token = await invite(owner, boardId, 'viewer');
    const list = await owner.json<{ invites: { id: string; status: string }[] }>(
      'GET',
      `/api/boards/${boardId}/invites`,
    );
    const inviteId = list.body.invites[0]?.id ?? '';
    assert.equal((await owner.json('DELETE', `/api/boards/${boardId}/invites/${inviteId}`)).status, 204);
    const someone = await person('Someone');
    assert.equal((await someone.json('POST', `/api/invites/${token}/accept`)).status, 410);
    assert.equal((await someone.json('POST', `/api/invites/unknown-token-value/accept`)).status, 404);
    const bad = await owner.json('POST', `/api/boards/${boardId}/invites`, { role: 'admin', label: 'X' });
    assert.equal(bad.status, 400);
    const tooLong = await owner.json('POST', `/api/boards/${boardId}/invites`, {
      role: 'family',
      label: 'X',
      expiresInDays: 365,
    });
    assert.equal(tooLong.status, 400);
  });

  test('only interventionists manage; a board keeps one interventionist', async () => {
    const owner = await person('Owner');
    const boardId = await boardWith(owner);
    const relative = await person('Relative');
    await join(owner, boardId, relative, await invite(owner, boardId, 'family'));
    const viewer = await person('Viewer');
    await join(owner, boardId, viewer, await invite(owner, boardId, 'viewer'));

    for (const who of [relative, viewer]) {
      assert.equal(
        (await who.json('POST', `/api/boards/${boardId}/invites`, { role: 'family', label: 'X' })).status,
        403,
      );
      assert.equal(
        (await who.json('PATCH', `/api/boards/${boardId}/members/${who.userId}`, { role: 'interventionist' })).status,
        403,
      );
      assert.equal((await who.json('DELETE', `/api/boards/${boardId}/members/${owner.userId}`)).status, 403);
      assert.equal((await who.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: 'Helping Sam' })).status, 403);
    }
    assert.equal(
      (await owner.json('PATCH', `/api/boards/${boardId}/members/${owner.userId}`, { role: 'family' })).status,
      409,
    );
    assert.equal((await owner.json('DELETE', `/api/boards/${boardId}/members/${owner.userId}`)).status, 409);
    assert.equal(
      (await owner.json('PATCH', `/api/boards/${boardId}/members/${relative.userId}`, { role: 'boss' })).status,
      400,
    );
    assert.equal(
      (await owner.json('PATCH', `/api/boards/${boardId}/members/${relative.userId}`, { role: 'viewer' })).status,
      200,
    );
    assert.equal((await owner.json('DELETE', `/api/boards/${boardId}/members/${viewer.userId}`)).status, 204);
    assert.equal((await viewer.json('GET', `/api/boards/${boardId}`)).status, 404);
    const audit = await owner.json<{ entries: { action: string }[] }>('GET', `/api/boards/${boardId}/audit`);
    const actions = audit.body.entries.map((e) => e.action);
    for (const expected of [
      'board.created',
      'invite.created',
      'invite.claimed',
      'invite.approved',
      'member.role-changed',
      'member.removed',
    ]) {
      assert.ok(actions.includes(expected), `audit log has ${expected}`);
    }
  });

  test('export then delete with confirmation removes the board for everyone', async () => {
    const owner = await person('Owner');
    const boardId = await boardWith(owner, 'Helping Jo');
    const relative = await person('Relative');
    await join(owner, boardId, relative, await invite(owner, boardId, 'family'));
    const exported = await owner.json<{ board: { title: string }; members: unknown[] }>(
      'GET',
      `/api/boards/${boardId}/export`,
    );
    assert.equal(exported.status, 200);
    assert.equal(exported.body.board.title, 'Helping Jo');
    assert.equal(exported.body.members.length, 2);
    assert.equal((await owner.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: 'wrong' })).status, 400);
    assert.equal((await owner.json('GET', `/api/boards/${boardId}`)).status, 200);
    assert.equal((await owner.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: 'Helping Jo' })).status, 204);
    assert.equal((await owner.json('GET', `/api/boards/${boardId}`)).status, 404);
    assert.equal((await relative.json('GET', `/api/boards/${boardId}`)).status, 404);
  });
});
