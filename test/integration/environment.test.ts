/**
 * A bad setting stops the start with a message naming it: the web process reads the whole
 * environment before anything else, and the sync process reads it again on its own (the
 * variables it uses: the database, the realtime limits, a shared computer's idle limit).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort, productionServerEnv } from '../helpers/server';

const ROOT = path.resolve(__dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'board-env-test-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * What a process (started in a group of its own) printed, and how it ended. One that starts
 * after all, or takes longer than a start that fails, is stopped with its children.
 */
function outcome(proc: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  const stop = () => {
    try {
      process.kill(-(proc.pid ?? 0), 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const timer = setTimeout(stop, 30_000);
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('ready on http')) stop();
  };
  proc.stdout?.on('data', read);
  proc.stderr?.on('data', read);
  return new Promise((resolve) =>
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

function settings(port: number, bad: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _onPostgres, ...inherited } = process.env;
  return { ...inherited, ...productionServerEnv(port, dataDir), ...bad };
}

test('the server refuses to start on a bad setting of the sync process, and says which', async () => {
  const port = await freePort();
  for (const [bad, message] of [
    [
      { REALTIME_LIMITS: '{"idleRoomMs":-1}' },
      'Invalid environment: REALTIME_LIMITS.idleRoomMs: must be a whole number, 0 or more',
    ],
    [
      { SHARED_SESSION_IDLE_SECONDS: '0' },
      'Invalid environment: SHARED_SESSION_IDLE_SECONDS: must be a whole number from 1 to 86400',
    ],
    [
      { DATABASE_URL: 'mysql://db/board' },
      'Invalid environment: DATABASE_URL: DATABASE_URL must be a postgres:// address',
    ],
  ] as const) {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      env: settings(port, bad),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { code, output } = await outcome(proc);
    assert.notEqual(code, 0, output);
    assert.ok(output.includes(message), output);
    assert.ok(!output.includes('sync process ready'), output);
    assert.ok(!output.includes('ready on'), output);
  }
});

test('a sync process started with a bad setting exits at once, saying which', async () => {
  const port = await freePort();
  const proc = fork(path.join(ROOT, 'server/sync/main.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: settings(port, { NEXTAUTH_SECRET: 's'.repeat(48), REALTIME_LIMITS: '{"idleRoomMS":0}' }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let ready = false;
  proc.on('message', () => (ready = true));
  const { code, output } = await outcome(proc);
  assert.equal(code, 1, output);
  assert.equal(ready, false, 'it never said it was ready');
  assert.ok(output.includes('sync process failed to start'), output);
  assert.ok(output.includes('Invalid environment: REALTIME_LIMITS: "idleRoomMS" is not a realtime limit'), output);
});
