/**
 * A database's schema in terms both SQLite and PostgreSQL can be read in, so that the two can be
 * compared with one deepEqual (test/integration/schema-parity.test.ts): columns through Kysely's
 * introspection, keys, checks and indexes from each database's own catalog.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type TableMetadata } from 'kysely';
import type pg from 'pg';

export interface ColumnShape {
  /** integer, text or bytes; a type outside the translation keeps its database's own name. */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
  /** The default's expression, without PostgreSQL's casts (`''::text` is `''`). */
  default: string | null;
  autoIncrementing: boolean;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Each UNIQUE constraint's columns, `a,b`. */
  unique: string[];
  /** `column -> table(column) ON DELETE action`. */
  foreignKeys: string[];
  /** Each CHECK as the columns it reads and the values it names (operators are not compared). */
  checks: string[];
}

export interface IndexShape {
  table: string;
  columns: string[];
  unique: boolean;
  /** A partial index's condition, lower case and without parentheses. */
  where: string | null;
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  indexes: Record<string, IndexShape>;
}

/** The product's bookkeeping, not part of the schema it migrates to. */
const IGNORED_TABLES = new Set(['schema_migrations']);

const SQLITE_TYPES: Record<string, string> = { INTEGER: 'integer', TEXT: 'text', BLOB: 'bytes' };
const POSTGRES_TYPES: Record<string, string> = { int8: 'integer', text: 'text', bytea: 'bytes' };

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** The shape of a migrated SQLite database. */
export async function sqliteSchemaShape(sqlite: BetterSqlite3.Database): Promise<SchemaShape> {
  // Not destroyed: that would close the caller's connection.
  const kysely = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: sqlite }) });
  const shape: SchemaShape = { tables: {}, indexes: {} };
  for (const table of relevant(await kysely.introspection.getTables())) {
    const info = sqlite.prepare('SELECT name, pk, dflt_value FROM pragma_table_info(?)').all(table.name) as {
      name: string;
      pk: number;
      dflt_value: string | null;
    }[];
    const columns = columnShapes(table, SQLITE_TYPES, (name) => {
      const column = info.find((c) => c.name === name);
      // SQLite lets a TEXT PRIMARY KEY hold NULL (an old quirk it keeps); PostgreSQL never does,
      // and the product always gives ids. Key columns count as NOT NULL on both.
      return { default: column?.dflt_value ?? null, keyed: (column?.pk ?? 0) > 0 };
    });
    const { sql } = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(table.name) as {
      sql: string;
    };
    const tableShape: TableShape = {
      columns,
      primaryKey: info
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      unique: [],
      foreignKeys: sqliteForeignKeys(sqlite, table.name),
      checks: checkExpressions(sql)
        .map((expression) => checkShape(expression, Object.keys(columns)))
        .sort(),
    };
    shape.tables[table.name] = tableShape;
    addSqliteIndexes(sqlite, table.name, tableShape, shape.indexes);
  }
  return shape;
}

/** CREATE INDEX indexes by name; those SQLite makes for UNIQUE constraints go to the table's `unique`. */
function addSqliteIndexes(
  sqlite: BetterSqlite3.Database,
  table: string,
  tableShape: TableShape,
  indexes: Record<string, IndexShape>,
): void {
  const list = sqlite.prepare('SELECT name, "unique", origin FROM pragma_index_list(?)').all(table) as {
    name: string;
    unique: number;
    origin: 'c' | 'u' | 'pk';
  }[];
  for (const index of list) {
    const columns = (
      sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index.name) as { name: string }[]
    ).map((column) => column.name);
    if (index.origin === 'u') tableShape.unique.push(columns.join(','));
    if (index.origin !== 'c') continue;
    const { sql } = sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(index.name) as { sql: string };
    const where = /\bWHERE\b([\s\S]*)$/i.exec(sql)?.[1];
    indexes[index.name] = {
      table,
      columns,
      unique: index.unique === 1,
      where: where ? normalizedCondition(where) : null,
    };
  }
  tableShape.unique.sort();
}

function sqliteForeignKeys(sqlite: BetterSqlite3.Database, table: string): string[] {
  const rows = sqlite
    .prepare('SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq')
    .all(table) as { id: number; table: string; from: string; to: string; on_delete: string }[];
  const byId = new Map<number, typeof rows>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId.values()]
    .map((parts) =>
      foreignKey(
        parts.map((part) => part.from),
        parts[0]?.table ?? '',
        parts.map((part) => part.to),
        parts[0]?.on_delete ?? '',
      ),
    )
    .sort();
}

/** The shape of a migrated PostgreSQL database (its public schema). The pool stays the caller's. */
export async function postgresSchemaShape(pool: pg.Pool): Promise<SchemaShape> {
  // Not destroyed: that would end the caller's pool.
  const kysely = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) });
  const defaults = await pool.query<{ table: string; column: string; expression: string }>(`
    SELECT c.relname AS table, a.attname AS column, pg_get_expr(d.adbin, d.adrelid) AS expression
    FROM pg_attrdef d
    JOIN pg_class c ON c.oid = d.adrelid
    JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
    WHERE c.relnamespace = 'public'::regnamespace`);
  const tables: Record<string, TableShape> = {};
  for (const table of relevant(await kysely.introspection.getTables())) {
    const columns = columnShapes(table, POSTGRES_TYPES, (name) => ({
      default: defaults.rows.find((row) => row.table === table.name && row.column === name)?.expression ?? null,
      keyed: false,
    }));
    tables[table.name] = { columns, primaryKey: [], unique: [], foreignKeys: [], checks: [] };
  }
  const constraints = await pool.query<{
    table: string;
    kind: 'p' | 'u' | 'f' | 'c';
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    definition: string;
  }>(`
    SELECT c.conrelid::regclass::text AS table, c.contype AS kind,
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
      c.confrelid::regclass::text AS referenced_table,
      ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced_columns,
      c.confdeltype AS on_delete, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f', 'c')`);
  for (const constraint of constraints.rows) {
    const table = tables[constraint.table];
    if (!table) continue;
    if (constraint.kind === 'p') table.primaryKey = constraint.columns;
    if (constraint.kind === 'u') table.unique.push(constraint.columns.join(','));
    if (constraint.kind === 'f') {
      const onDelete = ON_DELETE[constraint.on_delete] ?? constraint.on_delete;
      table.foreignKeys.push(
        foreignKey(constraint.columns, constraint.referenced_table, constraint.referenced_columns, onDelete),
      );
    }
    if (constraint.kind === 'c') {
      for (const expression of checkExpressions(constraint.definition)) {
        table.checks.push(checkShape(expression, Object.keys(table.columns)));
      }
    }
  }
  for (const table of Object.values(tables)) {
    table.unique.sort();
    table.foreignKeys.sort();
    table.checks.sort();
  }
  return { tables, indexes: await postgresIndexes(pool) };
}

/** Indexes made by CREATE INDEX: those behind a primary key or UNIQUE constraint are the table's. */
async function postgresIndexes(pool: pg.Pool): Promise<Record<string, IndexShape>> {
  const { rows } = await pool.query<{
    name: string;
    table: string;
    columns: string[];
    unique: boolean;
    where: string | null;
  }>(`
    SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique,
      ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
      pg_get_expr(ix.indpred, ix.indrelid) AS where
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    WHERE t.relnamespace = 'public'::regnamespace
      AND NOT EXISTS (
        SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u', 'x'))`);
  const indexes: Record<string, IndexShape> = {};
  for (const row of rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    indexes[row.name] = {
      table: row.table,
      columns: row.columns,
      unique: row.unique,
      where: row.where === null ? null : normalizedCondition(row.where),
    };
  }
  return indexes;
}

function relevant(tables: TableMetadata[]): TableMetadata[] {
  return tables.filter((table) => !table.isView && !IGNORED_TABLES.has(table.name));
}

function columnShapes(
  table: TableMetadata,
  types: Record<string, string>,
  details: (column: string) => { default: string | null; keyed: boolean },
): Record<string, ColumnShape> {
  const columns: Record<string, ColumnShape> = {};
  for (const column of table.columns) {
    const { default: expression, keyed } = details(column.name);
    columns[column.name] = {
      type: types[column.dataType] ?? column.dataType,
      nullable: column.isNullable && !keyed,
      hasDefault: column.hasDefaultValue,
      default: expression === null ? null : expression.replace(/::[a-z_ ]+$/i, ''),
      autoIncrementing: column.isAutoIncrementing,
    };
  }
  return columns;
}

function foreignKey(columns: string[], table: string, referenced: string[], onDelete: string): string {
  return `${columns.join(',')} -> ${table}(${referenced.join(',')}) ON DELETE ${onDelete.toUpperCase()}`;
}

/** The expression inside each `CHECK (...)` of a table's or constraint's definition. */
function checkExpressions(definition: string): string[] {
  const expressions: string[] = [];
  for (const match of definition.matchAll(/\bCHECK\s*\(/gi)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let quoted = false;
    let end = start;
    for (; end < definition.length && depth > 0; end++) {
      const char = definition[end];
      if (char === "'") quoted = !quoted;
      else if (!quoted && char === '(') depth++;
      else if (!quoted && char === ')') depth--;
    }
    expressions.push(definition.slice(start, end - 1));
  }
  return expressions;
}

/**
 * `role: 'family' 'interventionist' 'viewer'` for both `role IN ('interventionist', ...)` and
 * PostgreSQL's `role = ANY (ARRAY['interventionist'::text, ...])`: the columns and the values.
 */
function checkShape(expression: string, columnNames: string[]): string {
  const uncast = expression.replace(/::[a-z_]+/gi, '');
  const strings = uncast.match(/'(?:[^']|'')*'/g) ?? [];
  const rest = uncast.replace(/'(?:[^']|'')*'/g, ' ');
  const numbers = rest.match(/\b\d+\b/g) ?? [];
  const columns = new Set((rest.match(/\b[a-z_][a-z0-9_]*\b/gi) ?? []).filter((word) => columnNames.includes(word)));
  return `${[...columns].sort().join(',')}: ${[...strings, ...numbers].sort().join(' ')}`;
}

function normalizedCondition(condition: string): string {
  return condition.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}
