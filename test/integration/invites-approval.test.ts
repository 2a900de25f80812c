import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBoard, decideInvite, invite, openChannel, person, planDoc } from '../helpers/board';
import type { TestClient } from '../helpers/client';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { waitFor } from '../helpers/wait';

/**
 * Invites that cannot be hijacked (docs/security.md): a link only asks to join, the
 * interventionist approves the account that used it, and the page behind a link names who sent
 * it, never the board or the loved one.
 */

let server: RunningServer;
let maya: TestClient;
before(async () => {
  server = await startServer();
  maya = await person(server.url, 'Maya');
});
after(async () => {
  await server.dispose();
});

const TITLE = 'Helping Sam, Saturday at the lake house';

interface Listed {
  id: string;
  label: string;
  status: string;
  claimedBy: { name: string; email: string } | null;
  createdAt: number;
  expiresAt: number;
  link: string | null;
}

async function listed(boardId: string, inviteId: string): Promise<Listed | undefined> {
  const list = await maya.json<{ invites: Listed[] }>('GET', `/api/boards/${boardId}/invites`);
  return list.body.invites.find((i) => i.id === inviteId);
}

/** What a person gets of the board: its records, its plan's socket, its channel. */
async function reach(who: TestClient, boardId: string): Promise<{ http: number; upgrade: number; channel: boolean }> {
  const http = (await who.json('GET', `/api/boards/${boardId}`)).status;
  const outcome = await RawYjsSocket.open(server.url, planDoc(boardId), who.cookieHeader());
  if (outcome.opened) outcome.socket.terminate();
  const channel = await openChannel(server.url, who.cookieHeader());
  const joined = await channel.join(boardId);
  channel.close();
  return { http, upgrade: outcome.opened ? 101 : outcome.status, channel: joined.ok };
}

describe('invites that cannot be hijacked', () => {
  test('accepting only asks: nothing of the board until the interventionist approves that account', async () => {
    const boardId = await createBoard(maya, TITLE);
    const { token, inviteId } = await invite(maya, boardId, 'family', 'Aunt Pat');
    const pat = await person(server.url, 'Pat Smith');

    const accepted = await pat.json<{ invite: { status: string; boardId: string | null } }>(
      'POST',
      `/api/invites/${token}/accept`,
    );
    assert.equal(accepted.status, 200);
    assert.deepEqual([accepted.body.invite.status, accepted.body.invite.boardId], ['waiting', null]);
    assert.deepEqual(await reach(pat, boardId), { http: 404, upgrade: 404, channel: false });

    const waiting = await listed(boardId, inviteId);
    assert.equal(waiting?.status, 'waiting');
    assert.deepEqual(waiting?.claimedBy && [waiting.claimedBy.name, waiting.claimedBy.email], ['Pat Smith', pat.email]);
    // Accepting again changes nothing; someone else cannot take the link over.
    const again = await pat.json<{ invite: { status: string } }>('POST', `/api/invites/${token}/accept`);
    assert.deepEqual([again.status, again.body.invite.status], [200, 'waiting']);
    const other = await person(server.url, 'Other');
    assert.equal((await other.json('POST', `/api/invites/${token}/accept`)).status, 410);

    await decideInvite(maya, boardId, inviteId, 'approved');
    assert.equal((await listed(boardId, inviteId))?.status, 'joined');
    assert.deepEqual(await reach(pat, boardId), { http: 200, upgrade: 101, channel: true });
    const board = await pat.json<{ role: string }>('GET', `/api/boards/${boardId}`);
    assert.equal(board.body.role, 'family');
  });

  test('a refused account never joins, and the link stays used', async () => {
    const boardId = await createBoard(maya, TITLE);
    const { token, inviteId } = await invite(maya, boardId, 'family', 'Uncle Ray');
    // The loved one found the forwarded link first.
    const sam = await person(server.url, 'Ray');
    assert.equal((await sam.json('POST', `/api/invites/${token}/accept`)).status, 200);
    await decideInvite(maya, boardId, inviteId, 'refused');
    assert.equal((await listed(boardId, inviteId))?.status, 'refused');
    assert.deepEqual(await reach(sam, boardId), { http: 404, upgrade: 404, channel: false });
    const seen = await sam.json<{ invite: { status: string } }>('GET', `/api/invites/${token}`);
    assert.equal(seen.body.invite.status, 'refused');
    // The decision is made once; a later approval cannot undo the refusal.
    const late = await maya.json('PUT', `/api/boards/${boardId}/invites/${inviteId}/decision`, {
      decision: 'approved',
    });
    assert.equal(late.status, 409);
    assert.deepEqual(await reach(sam, boardId), { http: 404, upgrade: 404, channel: false });
    const ray = await person(server.url, 'Ray Real');
    assert.equal((await ray.json('POST', `/api/invites/${token}/accept`)).status, 410);
  });

  test('only interventionists decide, only about a claimed invite, with a clear error for bad input', async () => {
    const boardId = await createBoard(maya, TITLE);
    const { token: famToken, inviteId: famInvite } = await invite(maya, boardId, 'family', 'Jo');
    const jo = await person(server.url, 'Jo');
    await jo.json('POST', `/api/invites/${famToken}/accept`);
    await decideInvite(maya, boardId, famInvite);
    const { inviteId: open } = await invite(maya, boardId, 'family', 'Kim');
    const path = `/api/boards/${boardId}/invites/${open}/decision`;
    assert.equal((await jo.json('PUT', path, { decision: 'approved' })).status, 403);
    assert.equal((await maya.json('PUT', path, { decision: 'approved' })).status, 409, 'nobody has used it');
    assert.equal((await maya.json('PUT', path, { decision: 'maybe' })).status, 400);
    assert.equal((await maya.json('PUT', path, { decision: 'approved', userId: jo.userId })).status, 400);
    assert.equal(
      (await maya.json('PUT', `/api/boards/${boardId}/invites/nope-not-an-id-value/decision`, { decision: 'refused' }))
        .status,
      404,
    );
    assert.equal((await listed(boardId, open))?.status, 'open', 'nothing changed');
    const noLabel = await maya.json('POST', `/api/boards/${boardId}/invites`, { role: 'family', label: '  ' });
    assert.equal(noLabel.status, 400);
  });

  test('each open link can be copied again until it is used; the page, the list and nothing else carry it', async () => {
    const boardId = await createBoard(maya, TITLE);
    const first = await invite(maya, boardId, 'family', 'Aunt Pat');
    const second = await invite(maya, boardId, 'viewer', 'Cousin Al');
    const link = (token: string) => `${server.url}/invite/${token}`;
    // A second link does not replace the first: both are listed, each with its own.
    assert.equal((await listed(boardId, first.inviteId))?.link, link(first.token));
    assert.equal((await listed(boardId, second.inviteId))?.link, link(second.token));
    const page = await (await maya.request('GET', `/boards/${boardId}`)).text();
    assert.ok(page.includes(first.token) && page.includes(second.token), "the interventionist's board page has both");
    // Used, the link is no longer shown; nobody else on the board, and no export, ever gets one.
    const pat = await person(server.url, 'Pat');
    await pat.json('POST', `/api/invites/${first.token}/accept`);
    assert.equal((await listed(boardId, first.inviteId))?.link, null);
    await decideInvite(maya, boardId, first.inviteId);
    assert.equal((await pat.json('GET', `/api/boards/${boardId}/invites`)).status, 403);
    const patPage = await (await pat.request('GET', `/boards/${boardId}`)).text();
    const exported = JSON.stringify((await maya.json('GET', `/api/boards/${boardId}/export`)).body);
    for (const [where, text] of [
      ["a relative's board page", patPage],
      ["the interventionist's export", exported],
    ] as const)
      assert.ok(!text.includes(first.token) && !text.includes(second.token), `no link in ${where}`);
    // Withdrawn, it is gone from the list, and it opens nothing.
    assert.equal((await maya.json('DELETE', `/api/boards/${boardId}/invites/${second.inviteId}`)).status, 204);
    assert.equal((await listed(boardId, second.inviteId))?.link, null);
    const late = await person(server.url, 'Late');
    assert.equal((await late.json('POST', `/api/invites/${second.token}/accept`)).status, 410);
  });

  test("an interventionist's invite expires within 24 hours", async () => {
    const boardId = await createBoard(maya, TITLE);
    const { inviteId } = await invite(maya, boardId, 'interventionist', 'Dr. Lee');
    const row = await listed(boardId, inviteId);
    assert.ok(row && row.expiresAt - row.createdAt <= 24 * 60 * 60 * 1000, 'at most a day');
    const longer = await maya.json<{ error: { fields: Record<string, string[]> } }>(
      'POST',
      `/api/boards/${boardId}/invites`,
      { role: 'interventionist', label: 'Dr. Lee', expiresInDays: 7 },
    );
    assert.equal(longer.status, 400);
    assert.match(longer.body.error.fields.expiresInDays?.[0] ?? '', /24 hours/);
    const family = await invite(maya, boardId, 'family', 'Pat');
    const familyRow = await listed(boardId, family.inviteId);
    assert.equal((familyRow?.expiresAt ?? 0) - (familyRow?.createdAt ?? 0), 7 * 24 * 60 * 60 * 1000);
  });

  test('the page behind a link names who invited whom, never the board; a used link lands on the board', async () => {
    const boardId = await createBoard(maya, TITLE);
    const { token, inviteId } = await invite(maya, boardId, 'family', 'Aunt Pat');
    const pat = await person(server.url, 'Pat');
    const preview = await pat.json<{ invite: Record<string, unknown> }>('GET', `/api/invites/${token}`);
    assert.deepEqual(preview.body.invite, {
      invitedBy: 'Maya',
      label: 'Aunt Pat',
      role: 'family',
      expiresAt: preview.body.invite.expiresAt,
      status: 'open',
      boardId: null,
    });
    const page = await pat.request('GET', `/invite/${token}`);
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.ok(html.includes('Maya') && html.includes('Aunt Pat'));
    for (const secret of ['Helping Sam', 'lake house', boardId]) assert.ok(!html.includes(secret), `no "${secret}"`);

    await pat.json('POST', `/api/invites/${token}/accept`);
    const waitingPage = await (await pat.request('GET', `/invite/${token}`)).text();
    assert.ok(!waitingPage.includes('lake house') && !waitingPage.includes(boardId));
    await decideInvite(maya, boardId, inviteId);
    const used = await pat.request('GET', `/invite/${token}`);
    await used.body?.cancel();
    assert.equal(used.status, 307);
    assert.equal(used.headers.get('location'), `/boards/${boardId}`);
    // Someone already on the board who opens another person's link lands there, and the link stays theirs.
    const other = await invite(maya, boardId, 'viewer', 'Cousin Al');
    const landed = await pat.request('GET', `/invite/${other.token}`);
    await landed.body?.cancel();
    assert.equal(landed.headers.get('location'), `/boards/${boardId}`);
    assert.equal((await listed(boardId, other.inviteId))?.status, 'open');
  });

  test("the interventionists' pages hear at once that someone is waiting", async () => {
    const boardId = await createBoard(maya, TITLE);
    const channel = await openChannel(server.url, maya.cookieHeader());
    assert.equal((await channel.join(boardId)).ok, true);
    const { token, inviteId } = await invite(maya, boardId, 'family', 'Lou');
    const lou = await person(server.url, 'Lou');
    await lou.json('POST', `/api/invites/${token}/accept`);
    await waitFor(
      () => channel.named('board:changed').some((e) => JSON.stringify(e.payload).includes(inviteId)),
      'an invites event on the board channel',
      2000,
    );
    channel.close();
  });
});
