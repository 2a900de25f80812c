import type BetterSqlite3 from 'better-sqlite3';

/**
 * Schema migrations, applied in order at start. Each runs once, inside a transaction, and is
 * recorded in `schema_migrations`. Append new entries; never edit an applied one.
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    id: 1,
    name: 'accounts-boards-invites',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE memberships (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('interventionist', 'family', 'viewer')),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships(user_id);
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('interventionist', 'family', 'viewer')),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        used_by TEXT REFERENCES users(id),
        revoked_at INTEGER
      );
      CREATE INDEX invites_board ON invites(board_id);
      CREATE TABLE attempts (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        frozen_at INTEGER,
        PRIMARY KEY (board_id, number)
      );
      CREATE TABLE letter_shares (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        shared_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, attempt, user_id)
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT,
        user_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX audit_board ON audit_log(board_id, at);
    `,
  },
  {
    id: 2,
    name: 'document-update-log',
    sql: `
      CREATE TABLE doc_updates (
        doc TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (doc, seq)
      ) WITHOUT ROWID;
      CREATE TABLE doc_checkpoints (
        doc TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        state BLOB NOT NULL,
        PRIMARY KEY (doc, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    id: 3,
    name: 'reviews-readiness-attendance-versions',
    sql: `
      CREATE TABLE letter_reviews (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        letter TEXT NOT NULL CHECK (letter IN ('impact', 'bottomLine')),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'changes-requested')),
        comment TEXT NOT NULL DEFAULT '',
        approved_seq INTEGER,
        updated_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, attempt, user_id, letter)
      );
      CREATE TABLE readiness (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        attending TEXT NOT NULL CHECK (attending IN ('yes', 'unsure', 'no')),
        holding TEXT NOT NULL CHECK (holding IN ('yes', 'unsure', 'no')),
        note TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, attempt, user_id)
      );
      CREATE TABLE attendance_decisions (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('attends', 'letter-read', 'home')),
        decided_by TEXT NOT NULL,
        decided_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, attempt, user_id)
      );
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        label TEXT NOT NULL,
        at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX versions_board ON versions(board_id, at);
      CREATE TABLE debriefs (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        went_wrong TEXT NOT NULL,
        details TEXT NOT NULL,
        participant_notes TEXT NOT NULL,
        lessons TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, attempt)
      );
    `,
  },
  {
    // The interventionist checks in on attendance only (they hold no bottom lines of their own),
    // so "holding" may be empty. SQLite cannot relax a column's NOT NULL: the table is rebuilt.
    id: 4,
    name: 'readiness-holding-optional',
    sql: `
      CREATE TABLE readiness_rebuilt (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        attending TEXT NOT NULL CHECK (attending IN ('yes', 'unsure', 'no')),
        holding TEXT CHECK (holding IN ('yes', 'unsure', 'no')),
        note TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, attempt, user_id)
      );
      INSERT INTO readiness_rebuilt (board_id, attempt, user_id, attending, holding, note, updated_at)
        SELECT board_id, attempt, user_id, attending, holding, note, updated_at FROM readiness;
      DROP TABLE readiness;
      ALTER TABLE readiness_rebuilt RENAME TO readiness;
    `,
  },
  {
    // Questions were items of the plan document, where any writer could set who asked and who
    // answered. As records, the server sets both from the session. The old items stay in the
    // plan's history, unverified, and are not copied (docs/realtime.md, "Questions").
    id: 5,
    name: 'questions',
    sql: `
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        asked_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        answer TEXT NOT NULL DEFAULT '',
        answered_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        answered_at INTEGER,
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        withdrawn_at INTEGER,
        withdrawn_by TEXT REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX questions_attempt ON questions(board_id, attempt, created_at);
    `,
  },
  {
    // Run mode on the day (docs/realtime.md, section 13): a run of an attempt (or a rehearsal)
    // and its moments, appended by the interventionist's actions; the state every phone shows is
    // folded from them. At most one run of an attempt is under way at a time. Names and titles
    // in \`detail\` are copied from the plan when the moment happens, never letter text.
    id: 6,
    name: 'run-mode',
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        rehearsal INTEGER NOT NULL CHECK (rehearsal IN (0, 1)),
        time_zone TEXT NOT NULL,
        started_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        debriefed_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX runs_attempt ON runs(board_id, attempt, started_at);
      CREATE UNIQUE INDEX runs_one_under_way ON runs(board_id, attempt) WHERE ended_at IS NULL;
      CREATE TABLE run_events (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at INTEGER NOT NULL,
        user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      `,
  },
  {
    // The family computer (docs/security.md, "The family computer and the family's data"):
    // - sessions know their device (browser, last use) and whether they were opened on a shared
    //   computer, which ends them after 30 minutes without use;
    // - an invite names who it is for, and accepting it only asks: the interventionist approves
    //   or refuses the account that used it. Invites used before this were accepted at once, so
    //   they count as approved; open interventionist invites now last at most a day;
    // - when each member last opened the board, and who opened the logistics and safety plan.
    id: 7,
    name: 'devices-approved-invites-section-views',
    sql: `
      ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
      ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
      ALTER TABLE sessions ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
      ALTER TABLE invites ADD COLUMN label TEXT NOT NULL DEFAULT '';
      ALTER TABLE invites ADD COLUMN decision TEXT CHECK (decision IN ('approved', 'refused'));
      ALTER TABLE invites ADD COLUMN decided_by TEXT REFERENCES users(id) ON DELETE SET NULL;
      ALTER TABLE invites ADD COLUMN decided_at INTEGER;
      UPDATE invites SET decision = 'approved', decided_at = used_at, decided_by = created_by
        WHERE used_at IS NOT NULL;
      UPDATE invites SET expires_at = MIN(expires_at, created_at + 86400000)
        WHERE role = 'interventionist' AND used_at IS NULL;
      ALTER TABLE memberships ADD COLUMN last_opened_at INTEGER;
      CREATE TABLE section_views (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX section_views_board ON section_views(board_id, at);
    `,
  },
  {
    // A checkpoint is written as several updates, each applying on its own, so that a room is
    // rebuilt a part per turn (server/yjs/checkpoint-slices.ts): `parts` says how many the
    // state holds (server/update-log/checkpoint-parts.ts). Older rows are one update.
    id: 8,
    name: 'checkpoint-parts',
    sql: `
      ALTER TABLE doc_checkpoints ADD COLUMN parts INTEGER NOT NULL DEFAULT 1 CHECK (parts >= 1);
    `,
  },
  {
    // Several processes on one PostgreSQL database (docs/deploy.md): each board's documents are
    // served by one process at a time, which holds the board's lease (server/sync/board-leases.ts)
    // and renews it every second; its appends are fenced by the lease's epoch. One SQLite process
    // holds every board and takes no lease: the table is here so the two schemas stay alike.
    id: 9,
    name: 'board-leases',
    sql: `
      CREATE TABLE board_leases (
        board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
        owner TEXT NOT NULL,
        address TEXT NOT NULL,
        epoch INTEGER NOT NULL CHECK (epoch >= 1),
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    // Every change that can narrow who may read or write a board's documents (a role, a
    // removal, an unshared letter, a freeze) bumps the board's access version in its own
    // transaction. On PostgreSQL each append checks it too: no write is accepted after a
    // narrowing commits, even when the news of it reaches the serving process late.
    id: 10,
    name: 'board-access-version',
    sql: `
      ALTER TABLE boards ADD COLUMN access_version INTEGER NOT NULL DEFAULT 0;
    `,
  },
];

export function migrate(db: BetterSqlite3.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    db
      .prepare('SELECT id FROM schema_migrations')
      .all()
      .map((row) => (row as { id: number }).id),
  );
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
        migration.id,
        migration.name,
        Date.now(),
      );
    })();
  }
}
