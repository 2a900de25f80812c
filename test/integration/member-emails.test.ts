import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../helpers/client';
import { createBoard, joinAs, person } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';

/**
 * Members' e-mail addresses are for those who manage members (can(role, 'members.manage')):
 * everyone else on the board, a viewer or the loved one holding a relative's phone, learns who
 * is on the team from the page and the API, never how to reach them.
 */

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let vic: TestClient;
let boardId: string;

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await joinAs(lead, boardId, 'family', 'Ana');
  vic = await joinAs(lead, boardId, 'viewer', 'Vic');
});
after(async () => {
  await server.dispose();
});

/** What each one is sent: the board API, the members API and the board page's HTML. */
async function answersFor(who: TestClient): Promise<Record<string, string>> {
  const board = await who.request('GET', `/api/boards/${boardId}`);
  const members = await who.request('GET', `/api/boards/${boardId}/members`);
  const page = await who.request('GET', `/boards/${boardId}`);
  for (const [what, response] of [
    ['board API', board],
    ['members API', members],
    ['board page', page],
  ] as const) {
    assert.equal(response.status, 200, `${what} for ${who.name}`);
  }
  return { 'board API': await board.text(), 'members API': await members.text(), 'board page': await page.text() };
}

describe("members' e-mail addresses", () => {
  test('a viewer and a family member see names and roles, and no one’s e-mail address', async () => {
    for (const who of [vic, ana]) {
      const answers = await answersFor(who);
      for (const [what, text] of Object.entries(answers)) {
        for (const member of [lead, ana, vic].filter((m) => m !== who)) {
          assert.ok(text.includes(member.name), `${who.name}'s ${what} names ${member.name}`);
          assert.ok(!text.includes(member.email), `${who.name}'s ${what} must not hold ${member.name}'s e-mail`);
        }
      }
      const { members } = JSON.parse(answers['members API'] ?? '{}') as { members: Array<Record<string, unknown>> };
      assert.equal(members.length, 3);
      for (const member of members) assert.ok(!('email' in member), `no email field for ${who.name}`);
    }
  });

  test('the interventionist, who manages members, sees every address', async () => {
    const answers = await answersFor(lead);
    for (const [what, text] of Object.entries(answers)) {
      for (const member of [ana, vic])
        assert.ok(text.includes(member.email), `the lead's ${what} has ${member.name}'s`);
    }
  });
});
