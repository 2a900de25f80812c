import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServicesState } from './postgres-services';

const STATE = `# Written by scripts/test-services.sh start, removed by its stop.
TEST_SERVICES_PG_BIN=/usr/lib/postgresql/15/bin
TEST_SERVICES_PG_DATA=/tmp/test-postgres.Ab12Cd
TEST_SERVICES_PG_USER=postgres
export TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:40123/postgres
TEST_SERVICES_REDIS_DIR=/tmp/test-redis.Xy34Zw
export TEST_REDIS_URL=redis://127.0.0.1:40124
`;

test("the services' state file gives PostgreSQL's address and data folder", () => {
  assert.deepEqual(parseServicesState(STATE), {
    postgresUrl: 'postgres://postgres@127.0.0.1:40123/postgres',
    postgresData: '/tmp/test-postgres.Ab12Cd',
  });
});

test('a state file without PostgreSQL (a start that failed half-way) is refused', () => {
  assert.throws(() => parseServicesState('TEST_SERVICES_PG_DATA=/tmp/x\n'), /TEST_POSTGRES_URL missing/);
});
