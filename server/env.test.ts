import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnv } from './env';

function issuesOf(source: Record<string, string>): string[] {
  const parsed = parseEnv(source);
  assert.equal(parsed.ok, false, JSON.stringify(source));
  return parsed.ok ? [] : parsed.issues;
}

test('an empty environment gives the defaults, and variables the product does not read are left out', () => {
  assert.deepEqual(parseEnv({ PATH: '/usr/bin' }), {
    ok: true,
    env: {
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      TRUSTED_PROXIES: [],
      EMERGENCY_NUMBER: '911',
      CRISIS_LINE: '988',
      REALTIME_LIMITS: {},
      SHARED_SESSION_IDLE_SECONDS: 1800,
    },
  });
});

test('values are read as given: numbers, addresses, proxies and realtime limits', () => {
  const parsed = parseEnv({
    NODE_ENV: 'production',
    PORT: '8080',
    DATABASE_URL: 'postgres://board@db:5432/board',
    REDIS_URL: 'rediss://cache:6379',
    PEER_ADDRESS: '10.0.0.2:8080',
    NEXTAUTH_SECRET: 's'.repeat(32),
    NEXTAUTH_URL: ' https://harbor.example/ ',
    TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8',
    REALTIME_LIMITS: '{"idleRoomMs":0}',
    SHARED_SESSION_IDLE_SECONDS: '60',
  });
  assert.ok(parsed.ok);
  assert.equal(parsed.env.PORT, 8080);
  assert.equal(parsed.env.DATABASE_URL, 'postgres://board@db:5432/board');
  assert.equal(parsed.env.NEXTAUTH_URL, 'https://harbor.example/');
  assert.equal(parsed.env.TRUSTED_PROXIES.length, 2);
  assert.deepEqual(parsed.env.REALTIME_LIMITS, { idleRoomMs: 0 });
  assert.equal(parsed.env.SHARED_SESSION_IDLE_SECONDS, 60);
});

test('each bad value is refused with its name and what is wrong', () => {
  const cases: [Record<string, string>, string][] = [
    [{ NODE_ENV: 'prod' }, 'NODE_ENV: must be one of development, production, test'],
    [{ PORT: '65536' }, 'PORT: must be a whole number from 0 to 65535'],
    [{ PORT: 'http' }, 'PORT: must be a whole number from 0 to 65535'],
    [{ PORT: '80.5' }, 'PORT: must be a whole number from 0 to 65535'],
    [{ DATABASE_URL: 'mysql://db/board' }, 'DATABASE_URL: DATABASE_URL must be a postgres:// address'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL: REDIS_URL must be a redis:// address'],
    [{ PEER_ADDRESS: 'host' }, 'PEER_ADDRESS: PEER_ADDRESS must be host:port'],
    [{ NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET: must be at least 32 characters'],
    [{ NEXTAUTH_URL: 'harbor.example' }, 'NEXTAUTH_URL: must be an absolute address, e.g. https://harbor.example'],
    [{ TRUSTED_PROXIES: '127.0.0.1,proxy.local' }, 'TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range'],
    [{ REALTIME_LIMITS: '{"idleRoomMs":-1}' }, 'REALTIME_LIMITS.idleRoomMs: must be a whole number, 0 or more'],
    [{ REALTIME_LIMITS: '{"idleRoomMS":0}' }, 'REALTIME_LIMITS: "idleRoomMS" is not a realtime limit'],
    [{ REALTIME_LIMITS: 'idleRoomMs=0' }, 'REALTIME_LIMITS: must be a JSON object of realtime limits'],
    [{ SHARED_SESSION_IDLE_SECONDS: '0' }, 'SHARED_SESSION_IDLE_SECONDS: must be a whole number from 1 to 86400'],
    [{ SHARED_SESSION_IDLE_SECONDS: '' }, 'SHARED_SESSION_IDLE_SECONDS: must be a whole number from 1 to 86400'],
  ];
  for (const [source, message] of cases) assert.deepEqual(issuesOf(source), [message], JSON.stringify(source));
});

test('every problem is reported at once, in the order of the variables', () => {
  assert.deepEqual(issuesOf({ PORT: 'x', SHARED_SESSION_IDLE_SECONDS: '0', TRUSTED_PROXIES: 'a,b' }), [
    'PORT: must be a whole number from 0 to 65535',
    'TRUSTED_PROXIES: "a" is not an IP address or CIDR range',
    'TRUSTED_PROXIES: "b" is not an IP address or CIDR range',
    'SHARED_SESSION_IDLE_SECONDS: must be a whole number from 1 to 86400',
  ]);
});
