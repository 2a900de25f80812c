import BetterSqlite3 from 'better-sqlite3';

/**
 * Hocuspocus's stored documents in SQLite, one row per document holding its whole state, laid
 * out as @hocuspocus/extension-sqlite lays them out (a `documents` table of name and data,
 * upserted on every store). That extension drives the native `sqlite3` package, which does
 * not build here; this is the same table on better-sqlite3, the product's driver, with the
 * product's settings (WAL, synchronous=NORMAL). The bench's Hocuspocus server stores through it
 * (via @hocuspocus/extension-database) and the bench seeds stored boards through it.
 */
export class DocumentTable {
  private readonly db: BetterSqlite3.Database;
  private readonly select: BetterSqlite3.Statement<[string], { data: Buffer }>;
  private readonly upsert: BetterSqlite3.Statement<[{ name: string; data: Uint8Array }]>;

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS "documents" (
      "name" varchar(255) NOT NULL,
      "data" blob NOT NULL,
      UNIQUE(name)
    )`);
    this.select = this.db.prepare('SELECT data FROM "documents" WHERE name = ? ORDER BY rowid DESC');
    this.upsert = this.db.prepare(
      'INSERT INTO "documents" ("name", "data") VALUES (@name, @data) ON CONFLICT(name) DO UPDATE SET data = @data',
    );
  }

  /** The stored state of `name` (a Yjs update), or null when it was never stored. */
  fetch(name: string): Uint8Array | null {
    const row = this.select.get(name);
    return row ? new Uint8Array(row.data) : null;
  }

  store(name: string, state: Uint8Array): void {
    this.upsert.run({ name, data: state });
  }

  close(): void {
    this.db.close();
  }
}
