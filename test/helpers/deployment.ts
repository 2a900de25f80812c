/**
 * Server processes as a deployment on PostgreSQL runs them: each a whole server (web process and
 * sync process) on one fresh database, sharing the secret, and Redis when asked for, so that a
 * session from one is good on the others (docs/deploy.md).
 */
import { randomBytes } from 'node:crypto';
import { freshPostgresDatabase, type TestPostgresDatabase } from './postgres';
import { type RunningServer, startServer } from './server';

export interface Deployment {
  database: TestPostgresDatabase;
  /** The processes, in the order they were started. */
  servers: RunningServer[];
  /** Stops every process, then drops the database. */
  dispose(): Promise<void>;
}

export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run the tests through `npm test`, which starts Redis');
  return url;
}

export async function startDeployment(options: {
  processes: number;
  redis?: boolean;
  /** More environment for every process. */
  env?: Record<string, string>;
}): Promise<Deployment> {
  const database = await freshPostgresDatabase();
  const env = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(48).toString('base64url'),
    ...(options.redis ? { REDIS_URL: testRedisUrl() } : {}),
    ...options.env,
  };
  const servers: RunningServer[] = [];
  try {
    for (let i = 0; i < options.processes; i++) servers.push(await startServer({ env }));
  } catch (error) {
    for (const server of servers) await server.dispose();
    await database.drop();
    throw error;
  }
  return {
    database,
    servers,
    dispose: async () => {
      for (const server of [...servers].reverse()) await server.dispose();
      await database.drop();
    },
  };
}
