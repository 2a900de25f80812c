import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sleep } from '../../test/helpers/wait';
import { REPO_ROOT } from './spawn-server';

const BUILD_WAIT_MS = 5 * 60_000;

/**
 * A private copy of the production build to run the product from. Other people rebuild `.next`
 * in this working tree at any time, and a server whose build vanishes half-way through a run
 * fails its next page load. The copy is a folder of symlinks to the repository's entries with
 * its own `.next` (without the build cache), so the server is the same code and build.
 */
export async function snapshotApp(
  log: (message: string) => void,
): Promise<{ dir: string; buildId: string; dispose(): void }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const buildId = await completeBuild(log);
    const dir = mkdtempSync(path.join(tmpdir(), 'harbor-bench-app-'));
    for (const entry of readdirSync(REPO_ROOT)) {
      if (entry === '.next') continue;
      symlinkSync(path.join(REPO_ROOT, entry), path.join(dir, entry));
    }
    const cache = path.join(REPO_ROOT, '.next', 'cache');
    cpSync(path.join(REPO_ROOT, '.next'), path.join(dir, '.next'), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !source.startsWith(cache),
    });
    // A rebuild that started during the copy leaves a torn copy: try again.
    if (
      readBuildId(path.join(dir, '.next')) === buildId &&
      readBuildId(path.join(REPO_ROOT, '.next')) === buildId &&
      !buildRunning()
    ) {
      return { dir, buildId, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    }
    rmSync(dir, { recursive: true, force: true });
    log('  the build changed while it was copied; copying again');
  }
  throw new Error('could not copy a stable production build');
}

/** Waits for someone else's `next build` to finish, or builds when there is no build at all. */
async function completeBuild(log: (message: string) => void): Promise<string> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  let said = false;
  while (buildRunning()) {
    if (Date.now() > deadline) throw new Error('a next build has been running for over 5 minutes');
    if (!said) log('  a next build is running here; waiting for it');
    said = true;
    await sleep(2000);
  }
  const existing = readBuildId(path.join(REPO_ROOT, '.next'));
  if (existing) return existing;
  log('  no production build: running next build');
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const built = readBuildId(path.join(REPO_ROOT, '.next'));
  if (result.status !== 0 || !built) throw new Error('next build failed');
  return built;
}

function readBuildId(nextDir: string): string | null {
  const file = path.join(nextDir, 'BUILD_ID');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/** Whether any process on the machine is a `next build` (reads /proc, touches nothing). */
function buildRunning(): boolean {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const at = args.findIndex((arg) => arg === 'next' || arg.endsWith('/next') || arg.endsWith('next/dist/bin/next'));
      if (at >= 0 && args[at + 1] === 'build') return true;
    } catch {
      // The process ended while we looked.
    }
  }
  return false;
}
