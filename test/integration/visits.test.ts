import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBoard, joinAs, person } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';

/** Who has seen what (docs/security.md): when each member last opened the board, who opened the sensitive sections. */

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.dispose();
});

interface Visits {
  members: { userId: string; name: string; lastOpenedAt: number | null }[];
  log: { userId: string; name: string; section: string; at: number }[];
}

describe('who has seen what', () => {
  test('the interventionist sees when each member last opened the board and who opened logistics and safety', async () => {
    const lead = await person(server.url, 'Lead');
    const boardId = await createBoard(lead);
    const ana = await joinAs(lead, boardId, 'family', 'Ana');
    const vic = await joinAs(lead, boardId, 'viewer', 'Vic');
    const path = `/api/boards/${boardId}/visits`;
    const before = Date.now();
    // Opening the board is the server's render of its page, not something a page reports.
    const page = await ana.request('GET', `/boards/${boardId}`);
    await page.body?.cancel();
    assert.equal(page.status, 200);
    assert.equal((await ana.json('POST', path, {})).status, 400, 'a page cannot report an opening of the board');
    // Vic's home page lists the board; only opening it counts.
    const home = await vic.request('GET', '/');
    await home.body?.cancel();
    assert.equal((await ana.json('POST', path, { section: 'logistics' })).status, 204);
    assert.equal((await ana.json('POST', path, { section: 'logistics' })).status, 204, 'the same visit');
    assert.equal((await vic.json('POST', path, { section: 'safety' })).status, 204);

    const seen = await lead.json<Visits>('GET', path);
    assert.equal(seen.status, 200);
    const byName = new Map(seen.body.members.map((m) => [m.name, m.lastOpenedAt]));
    assert.ok((byName.get('Ana') ?? 0) >= before, 'Ana opened the board');
    assert.equal(byName.get('Vic'), null, 'Vic has not opened the board page');
    assert.equal(byName.get('Lead'), null, 'nor has Lead, who made it through the API');
    assert.deepEqual(
      seen.body.log.map((v) => [v.name, v.section]),
      [
        ['Vic', 'safety'],
        ['Ana', 'logistics'],
      ],
    );
  });

  test('only interventionists read it; only sensitive sections are logged; strangers learn nothing', async () => {
    const lead = await person(server.url, 'Lead');
    const boardId = await createBoard(lead);
    const ana = await joinAs(lead, boardId, 'family', 'Ana');
    const stranger = await person(server.url, 'Stranger');
    const path = `/api/boards/${boardId}/visits`;
    assert.equal((await ana.json('GET', path)).status, 403);
    assert.equal((await stranger.json('GET', path)).status, 404);
    assert.equal((await stranger.json('POST', path, { section: 'logistics' })).status, 404);
    assert.equal((await ana.json('POST', path, { section: 'team' })).status, 400);
    assert.equal((await ana.json('POST', path, { section: 'logistics', userId: lead.userId })).status, 400);
    const seen = await lead.json<Visits>('GET', path);
    assert.deepEqual(seen.body.log, [], 'nothing was logged');
  });
});
