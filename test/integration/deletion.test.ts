import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addMember, createBoard, debriefDoc, joinAs, lettersDoc, notesDoc, person, planDoc } from '../helpers/board';
import { bytesOf, containsBytes } from '../helpers/bytes';
import type { TestClient } from '../helpers/client';
import { writeLetter } from '../helpers/letters';
import { openDoc, type ProviderClient } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { dbFile } from '../helpers/stored-docs';
import { REQUEST_POLL_MS, waitFor } from '../helpers/wait';

/**
 * Deletion that deletes (docs/security.md): once a board is deleted, none of its text is left in
 * the database file or its write-ahead log, found by searching the raw files for a marker; and
 * the data folder, its files and the session secret are the owner's only.
 */

let server: RunningServer;
let lead: TestClient;
before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
});
after(async () => {
  await server.dispose();
});

const MARKER = 'QZX-DELETED-BOARD-TEXT';

/** The database and its log as raw bytes (what anyone who copies the files could read). */
function filesContain(needle: string): string[] {
  const bytes = bytesOf(needle);
  return ['', '-wal']
    .map((suffix) => dbFile(server.dataDir) + suffix)
    .filter((file) => existsSync(file) && containsBytes(readFileSync(file), bytes))
    .map((file) => path.basename(file));
}

/** A board with the marker in every place text goes: documents, records, the title. */
async function boardFullOfText(): Promise<{ boardId: string; open: ProviderClient[] }> {
  const boardId = await createBoard(lead, `${MARKER} title`);
  const ana = await joinAs(lead, boardId, 'family', 'Ana');
  const plan = await openDoc(lead, planDoc(boardId));
  plan.doc.getText('text').insert(0, `${MARKER} plan`);
  const notes = await openDoc(lead, notesDoc(boardId));
  notes.doc.getText('notes').insert(0, `${MARKER} notes`);
  const debrief = await openDoc(ana, debriefDoc(boardId));
  debrief.doc.getText('debrief.lessons').insert(0, `${MARKER} debrief`);
  const letters = await writeLetter(ana, boardId, 'impact', `${MARKER} letter`);
  // Deleted text too: a draft removed from the letter is still in the log.
  const fragment = letters.doc.getXmlFragment('impact');
  letters.doc.transact(() => fragment.delete(0, fragment.length));
  const base = `/api/boards/${boardId}`;
  const ok = async (who: TestClient, method: string, url: string, body: unknown) => {
    const answer = await who.json(method, url, body);
    assert.ok(answer.status < 300, `${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  await ok(ana, 'POST', `${base}/attempts/1/questions`, { question: `${MARKER} question` });
  await ok(ana, 'PUT', `${base}/attempts/1/readiness`, { attending: 'yes', holding: 'yes', note: `${MARKER} note` });
  await ok(lead, 'POST', `${base}/versions`, { label: `${MARKER} version`, attempt: 1 });
  await ok(lead, 'POST', `${base}/invites`, { role: 'family', label: `${MARKER} invite` });
  await ok(ana, 'POST', `${base}/visits`, { section: 'logistics' });
  const jo = await person(server.url, 'Jo');
  await addMember(lead, boardId, jo, 'viewer');
  // Stored: the last edit (the deleted draft) is in the log before the board goes.
  await waitFor(
    async () => {
      const state = await ana.json<{ state?: { impact: string } }>(
        'GET',
        `${base}/history/state?doc=${encodeURIComponent(lettersDoc(boardId, ana.userId))}&seq=${Number.MAX_SAFE_INTEGER}`,
      );
      return state.body.state?.impact === '';
    },
    'the deletion in the letter is stored',
    5000,
    REQUEST_POLL_MS,
  );
  return { boardId, open: [plan, notes, debrief, letters] };
}

describe('deletion that deletes', () => {
  test('after a board is deleted, none of its text is in the database file or its log', async () => {
    const { boardId, open } = await boardFullOfText();
    assert.notDeepEqual(filesContain(MARKER), [], 'the marker is in the files before (the search can see it)');
    // Its documents are open (live rooms in the sync process) while it is deleted.
    const deleted = await lead.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: `${MARKER} title` });
    assert.equal(deleted.status, 204);
    assert.deepEqual(filesContain(MARKER), [], 'nothing of the board is left, the moment the deletion answers');
    for (const provider of open) provider.destroy();
    // Nor later, once the sync process has unloaded what it had.
    const other = await createBoard(lead, 'Another board');
    const plan = await openDoc(lead, planDoc(other));
    plan.doc.getText('text').insert(0, 'other text');
    plan.destroy();
    assert.deepEqual(filesContain(MARKER), []);
  });

  test('the data folder is the owner’s only (0700), its files and the session secret 0600, even after a looser start', async () => {
    const dir = server.dataDir;
    const files = ['board.sqlite', 'board.sqlite-wal', 'board.sqlite-shm', 'session-secret'];
    const modes = () => [statSync(dir).mode & 0o777, ...files.map((f) => statSync(path.join(dir, f)).mode & 0o777)];
    assert.deepEqual(modes(), [0o700, 0o600, 0o600, 0o600, 0o600]);
    // Files an older version (or a copy) left readable by others are narrowed at the next start.
    await server.stop();
    chmodSync(dir, 0o755);
    for (const file of files) if (existsSync(path.join(dir, file))) chmodSync(path.join(dir, file), 0o644);
    await server.restart();
    assert.deepEqual(modes(), [0o700, 0o600, 0o600, 0o600, 0o600]);
  });
});
