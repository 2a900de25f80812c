import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { countAsBench } from '../lib/machine';
import { processTree } from '../lib/proc';
import { REPO_ROOT } from './spawn-server';

const SCRIPT = path.join(REPO_ROOT, 'scripts/test-services.sh');

/** A throwaway PostgreSQL 15 for one run, and a fresh database on it. */
export interface PostgresServices {
  /** postgres://... of the run's own database. */
  databaseUrl: string;
  /** The database server's processes now (the postmaster and its backends). */
  pids(): number[];
  /** Stops the services and removes their files; safe to call twice. */
  stop(): void;
}

/** What `scripts/test-services.sh start` recorded in its state file. */
export interface ServicesState {
  postgresUrl: string;
  postgresData: string;
}

/**
 * Starts the tests' PostgreSQL (and Redis, which the script starts with it) through
 * scripts/test-services.sh, with its state file in a temporary folder so that nobody else's
 * services are touched, then creates this run's database on it.
 */
export async function startPostgresServices(log: (message: string) => void): Promise<PostgresServices> {
  const folder = mkdtempSync(path.join(tmpdir(), 'harbor-bench-services-'));
  const env = { ...process.env, TEST_SERVICES_STATE: path.join(folder, 'state') };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync('bash', [SCRIPT, 'stop'], { env, stdio: 'ignore', timeout: 60_000 });
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // Its daemons leave the pipes (their output goes to their own logs); bounded all the same.
    const started = spawnSync('bash', [SCRIPT, 'start'], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    if (started.status !== 0) throw new Error(`scripts/test-services.sh start failed:\n${started.stderr}`);
    const state = parseServicesState(readFileSync(env.TEST_SERVICES_STATE, 'utf8'));
    const postmaster = postmasterPid(state.postgresData);
    // A daemon, re-parented away from the bench: its work is the server's, not other people's.
    countAsBench(postmaster);
    const databaseUrl = await createDatabase(state.postgresUrl);
    log(`  PostgreSQL 15 on ${new URL(state.postgresUrl).host}, database ${new URL(databaseUrl).pathname.slice(1)}`);
    return { databaseUrl, pids: () => processTree(postmaster), stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Reads the address and data folder from the state file's lines (`export TEST_POSTGRES_URL=...`). */
export function parseServicesState(text: string): ServicesState {
  const value = (name: string) => {
    const match = new RegExp(`^(?:export )?${name}=(.+)$`, 'm').exec(text);
    if (!match?.[1]) throw new Error(`${name} missing from the services' state file`);
    // Written with printf %q, which leaves a path made by mktemp as it is.
    return match[1].trim();
  };
  return { postgresUrl: value('TEST_POSTGRES_URL'), postgresData: value('TEST_SERVICES_PG_DATA') };
}

function postmasterPid(dataDir: string): number {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) throw new Error(`PostgreSQL left no ${file}`);
  const pid = Number(readFileSync(file, 'utf8').split('\n', 1)[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`unreadable ${file}`);
  return pid;
}

/** CREATE DATABASE takes no parameters: the name is hex only, safe to write into the statement. */
async function createDatabase(serverUrl: string): Promise<string> {
  const name = `board_bench_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
