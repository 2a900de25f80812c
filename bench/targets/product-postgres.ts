import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from '../../test/helpers/server';
import { CombinedProbe } from '../probe/combined-probe';
import type { PostgresServices } from './postgres-services';
import { ProductPeople } from './product-people';
import { type ProductProcess, startProductProcess } from './product-process';
import type { Target } from './types';

/** The product on PostgreSQL served by two processes, with a handle on each for the failover. */
export interface TwoProcessProduct extends Target {
  /** The first's address is the public one (NEXTAUTH_URL of both, the Origin every client sends). */
  processes: [ProductProcess, ProductProcess];
  /** The address (host:port) that each board's lease names, for the boards that have one. */
  leaseAddresses(boardIds: string[]): Promise<Map<string, string>>;
}

/**
 * Two processes of the product from the same build on one PostgreSQL database, as
 * docs/deploy.md runs several behind one proxy: the same DATABASE_URL, NEXTAUTH_SECRET and
 * NEXTAUTH_URL (the first's address, as the public one), their own ports. Each board is served
 * by the process holding its lease; a socket reaching the other one is passed to it.
 */
export async function startProductOnPostgres(appDir: string, services: PostgresServices): Promise<TwoProcessProduct> {
  const ports = [await freePort(), await freePort()] as const;
  const shared = {
    DATABASE_URL: services.databaseUrl,
    // Sessions signed by one process are read by the other.
    NEXTAUTH_SECRET: randomBytes(24).toString('hex'),
    NEXTAUTH_URL: `http://127.0.0.1:${ports[0]}`,
  };
  // Started together, as a deployment's processes are: migrations run once under their lock.
  const started = await Promise.allSettled(ports.map((port) => startProductProcess(appDir, port, shared)));
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const [first, second] = running;
  if (!first || !second) {
    await Promise.all(running.map((p) => p.stop()));
    const failed = started.find((s) => s.status === 'rejected');
    const reason: unknown = failed?.status === 'rejected' ? failed.reason : null;
    throw reason instanceof Error ? reason : new Error(`a product process did not start: ${String(reason)}`);
  }
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 2 });
  const stop = async () => {
    await Promise.all([first.stop(), second.stop()]);
    await pool.end();
  };
  let people: ProductPeople;
  try {
    people = await ProductPeople.register(first.httpBase);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name: 'postgres',
    wire: 'y-websocket',
    wsBase: first.wsBase,
    httpBase: first.httpBase,
    endpoints: { wsBases: [first.wsBase, second.wsBase], origin: first.httpBase },
    processes: [first, second],
    relayPids: [first.syncPid, second.syncPid],
    pids: [first.server.pid, first.syncPid, second.server.pid, second.syncPid],
    databasePids: services.pids,
    probe: new CombinedProbe([first.probe, second.probe]),
    // Scenario 4 (a seeded log, rebuilds from the SQLite file) is not run on this one.
    dbFile: null,
    seed: null,
    async countLogged(docName) {
      const result = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = $1', [docName]);
      return Number(result.rows[0]?.n ?? 0);
    },
    async leaseAddresses(boardIds) {
      const result = await pool.query<{ board_id: string; address: string }>(
        'SELECT board_id, address FROM board_leases WHERE board_id = ANY($1)',
        [boardIds],
      );
      return new Map(result.rows.map((row) => [row.board_id, row.address]));
    },
    accounts: () => people.accounts(),
    prepareBoards: (count, wanted) => people.prepareBoards(count, wanted),
    output: () => `${first.server.output()}\n--- second process ---\n${second.server.output()}`,
    stop,
  };
}
