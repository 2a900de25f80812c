import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createBoard, person, planDoc, waitForHttp } from '../helpers/board';
import type { TestClient } from '../helpers/client';
import { openDoc, openProvider, synced } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { sleep, waitFor } from '../helpers/wait';

/**
 * Backup and restore (docs/security.md): `npm run backup` copies the live database with SQLite's
 * online backup API while people edit; `npm run restore` brings it back, and every edit the
 * server had acknowledged before the backup began is there, with no gap.
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

/** Runs one of the npm scripts as `npm run` would, on this server's data folder. */
function runScript(script: 'backup' | 'restore', args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, DATA_DIR: server.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.once('exit', (code) => resolve({ code, output }));
  });
}

/** The edits in a plan's text ("e0,e1,..."), as numbers in the order they stand. */
function editsIn(text: string): number[] {
  return text
    .split(',')
    .filter(Boolean)
    .map((part) => Number(part.slice(1)));
}

describe('backup and restore', () => {
  test('a backup taken during live editing restores with every acknowledged edit', async () => {
    const boardId = await createBoard(lead);
    const docName = planDoc(boardId);
    const writer = await openDoc(lead, docName);
    // Acknowledged = relayed: the server stores every edit before it sends it to anyone.
    const observer = openProvider(server.url, lead.cookieHeader(), docName, { label: 'observer' });
    await synced(observer);
    const seen = () => editsIn(observer.doc.getText('text').toString());

    let next = 0;
    let editing = true;
    const typing = (async () => {
      while (editing) {
        const text = writer.doc.getText('text');
        text.insert(text.length, `e${next++},`);
        await sleep(15);
      }
    })();
    await waitFor(() => seen().length >= 20, 'editing under way', 5000);

    const ackedBefore = seen().length;
    const file = path.join(server.dataDir, 'backups', 'during-editing.sqlite');
    const backup = await runScript('backup', [file]);
    assert.equal(backup.code, 0, backup.output);
    assert.match(backup.output, /backup written/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    await sleep(300);
    editing = false;
    await typing;
    await waitFor(() => seen().length === next, 'every edit relayed', 5000);
    writer.destroy();
    observer.destroy();

    // The live database is in use: restoring over it is refused, and nothing changes.
    const refused = await runScript('restore', [file]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.output, /stop the server/);

    await server.stop();
    const restored = await runScript('restore', [file]);
    assert.equal(restored.code, 0, restored.output);
    await server.restart();
    await waitForHttp(server.url);

    const reopened = await openDoc(lead, docName);
    const kept = editsIn(reopened.doc.getText('text').toString());
    reopened.destroy();
    assert.ok(kept.length >= ackedBefore, `${kept.length} edits kept, ${ackedBefore} acknowledged before the backup`);
    assert.deepEqual(
      kept,
      kept.map((_, i) => i),
      'one consistent moment: the first edits in order, none missing in between',
    );
    assert.ok(kept.length < next, 'the edits made after the backup are not in it');
  });
});
