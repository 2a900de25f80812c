import pg from 'pg';

/** The advisory lock's key: the bytes of "rooms", fixed so every process asks for the same one. */
const SOLE_OWNER_LOCK = 0x726f6f6d73;

/**
 * On PostgreSQL, one sync process serves a database for now: it holds a session-level advisory
 * lock for as long as it runs, and a second process refuses to start instead of appending to
 * the same documents. (Several processes need each board's documents owned by one of them at a
 * time, with a lease and fenced appends: docs/deploy.md, "Several processes".) Should the
 * connection holding the lock drop, the lock is gone with it, and `lost` is called: the process
 * must stop serving.
 */
export async function holdSoleOwnership(url: string, lost: (reason: string) => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const answer = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [SOLE_OWNER_LOCK]);
  if (!answer.rows[0]?.held) {
    await client.end();
    throw new Error(
      'another sync process already serves this database: on PostgreSQL, run one server process for now (docs/deploy.md)',
    );
  }
  let released = false;
  const onLost = (reason: string) => {
    if (!released) lost(reason);
  };
  client.on('error', (error) => onLost(`the connection holding the lock failed: ${error.message}`));
  client.on('end', () => onLost('the connection holding the lock ended'));
  return async () => {
    released = true;
    await client.end();
  };
}
