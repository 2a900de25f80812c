/** Throwaway PostgreSQL databases, one per test file or case, on the server `npm test` starts. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestPostgresDatabase {
  /** Its address, on the same server and as the same user as TEST_POSTGRES_URL. */
  url: string;
  /** Drops it, closing whatever connections a failed test left open on it. */
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error('TEST_POSTGRES_URL is not set: run the tests through `npm test`, which starts PostgreSQL');
  }
  return url;
}

/** CREATE and DROP DATABASE cannot run in a transaction or take parameters: one statement, alone. */
async function runOnServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function freshPostgresDatabase(): Promise<TestPostgresDatabase> {
  const server = serverUrl();
  // Hex only, so the name is safe to write into the statement as it is.
  const name = `board_test_${randomBytes(8).toString('hex')}`;
  await runOnServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
