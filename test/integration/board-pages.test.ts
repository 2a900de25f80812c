import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../helpers/client';
import { createBoard, joinAs, person } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';

/**
 * The board's pages as the server renders them for each role. Their controls follow the
 * abilities the server computed (lib/permissions/abilities), so a control the API would refuse
 * someone is not even in the page they are sent.
 */

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let vic: TestClient;
let stranger: TestClient;
let boardId: string;

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await joinAs(lead, boardId, 'family', 'Ana');
  vic = await joinAs(lead, boardId, 'viewer', 'Vic');
  stranger = await person(server.url, 'Stranger');
});
after(async () => {
  await server.dispose();
});

async function html(who: TestClient, path: string): Promise<string> {
  const response = await who.request('GET', path);
  assert.equal(response.status, 200, `${path} for ${who.name}`);
  return response.text();
}

function shows(page: string, text: string, expected: boolean, who: TestClient): void {
  assert.equal(page.includes(text), expected, `${who.name} ${expected ? 'sees' : 'does not see'} ${text}`);
}

describe('what the board pages offer each role', () => {
  test('the board page: only the interventionist manages members and invites, or deletes the board', async () => {
    for (const [who, manages] of [
      [lead, true],
      [ana, false],
      [vic, false],
    ] as const) {
      const page = await html(who, `/boards/${boardId}`);
      shows(page, 'You are on this board as', true, who);
      shows(page, 'Delete board', manages, who);
      shows(page, 'Create invite link', manages, who);
      shows(page, `id="role-${ana.userId}"`, manages, who);
    }
  });

  test('the review page: only the interventionist stages the next attempt', async () => {
    for (const [who, stages] of [
      [lead, true],
      [ana, false],
      [vic, false],
    ] as const) {
      const page = await html(who, `/boards/${boardId}/review`);
      shows(page, 'Stage another intervention', stages, who);
      shows(page, 'Another intervention', !stages, who);
    }
  });

  test('the history page: only interventionists are offered the private notes', async () => {
    for (const [who, notes] of [
      [lead, true],
      [ana, false],
      [vic, false],
    ] as const) {
      const page = await html(who, `/boards/${boardId}/history`);
      shows(page, 'Shared plan', true, who);
      shows(page, 'Private notes (only interventionists)', notes, who);
    }
  });

  test('a role change shows in the next render: a family member made interventionist gets the controls', async () => {
    const later = await joinAs(lead, boardId, 'family', 'Lou');
    shows(await html(later, `/boards/${boardId}/review`), 'Stage another intervention', false, later);
    assert.equal(
      (await lead.json('PATCH', `/api/boards/${boardId}/members/${later.userId}`, { role: 'interventionist' })).status,
      200,
    );
    shows(await html(later, `/boards/${boardId}/review`), 'Stage another intervention', true, later);
    shows(await html(later, `/boards/${boardId}`), 'Delete board', true, later);
  });

  test('someone not on the board gets no page at all', async () => {
    for (const path of ['', '/history', '/review']) {
      const response = await stranger.request('GET', `/boards/${boardId}${path}`);
      assert.equal(response.status, 404, `/boards/<id>${path}`);
      await response.body?.cancel();
    }
  });
});
