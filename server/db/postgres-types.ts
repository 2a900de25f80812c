import pg from 'pg';

/**
 * How rows from PostgreSQL become JavaScript values, for every pool the product opens.
 *
 * BIGINT (int8) columns hold milliseconds since the epoch, sequence numbers and counts, and
 * sums of them are NUMERIC. `pg` returns both as strings by default, because either may exceed
 * what a JavaScript number holds exactly (2^53); ours stay far below it (a millisecond time is
 * about 2^41), so they are read as numbers, as they are on SQLite. Should an int8 ever exceed
 * 2^53, reading it fails rather than returning a rounded number.
 */
export const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (format !== 'binary') {
      if (oid === pg.types.builtins.INT8) return parseSafeInteger;
      if (oid === pg.types.builtins.NUMERIC) return Number;
    }
    // pg-types declares its parsers `any`: passed on as they are.
    return pg.types.getTypeParser(oid, format) as unknown;
  },
};

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`a BIGINT value of ${text} is past what a JavaScript number holds exactly`);
  }
  return value;
}
