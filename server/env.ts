import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ProxyRange, parseTrustedProxies } from './http/trusted-proxies';
import type { RealtimeLimits } from './yjs/limits';
import { parseRealtimeLimits } from './yjs/limits-override';

/**
 * The environment, validated once. Every module reads configuration from here, never from
 * process.env directly, so a bad value fails at start with a clear message.
 *
 * Read by plain code rather than a zod schema: both processes read it, and in the sync process
 * zod and the schema were 3 MB of a 19 MB heap that otherwise holds little but rooms
 * (docs/performance.md, "What should change next", item 8).
 */
export interface ParsedEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  HOST: string;
  DATA_DIR: string;
  /**
   * Records and the update log on PostgreSQL (`postgres://user:password@host:5432/board`) instead
   * of the SQLite file in DATA_DIR, for an organisation that runs the board past one machine
   * (docs/deploy.md). Unset: SQLite, nothing to set up.
   */
  DATABASE_URL?: string;
  /**
   * Redis for what may be lost when several processes serve one PostgreSQL database: socket.io's
   * messages between them and the rate limits (`redis://host:6379`). Never the update log.
   */
  REDIS_URL?: string;
  /**
   * Where the other processes reach this one (`host:port`), for the sockets of boards this
   * process owns (docs/deploy.md). Default: 127.0.0.1 and PORT, for processes on one machine.
   */
  PEER_ADDRESS?: string;
  /** At least 32 characters; unset, one is generated into the data folder (ensureSecret). */
  NEXTAUTH_SECRET?: string;
  /**
   * The address people use, e.g. https://harbor.example: next-auth's links, and the one origin
   * whose requests and websockets are accepted (server/http/origin.ts). Behind a proxy, the
   * public address: the Host header a proxy forwards is not trusted for this.
   */
  NEXTAUTH_URL?: string;
  /**
   * The reverse proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDR
   * ranges (e.g. `127.0.0.1,10.0.0.0/8`). Empty: the socket's address is the client's, and
   * X-Forwarded-For is ignored (anyone can send one).
   */
  TRUSTED_PROXIES: ProxyRange[];
  /** Emergency numbers shown in the safety plan; a setting because they differ by country. */
  EMERGENCY_NUMBER: string;
  CRISIS_LINE: string;
  /** Overrides of the realtime server's limits (server/yjs/limits.ts), a JSON object. */
  REALTIME_LIMITS: Partial<RealtimeLimits>;
  /**
   * A session signed in as a shared or family computer ends after this long without use (the
   * issue asks for 30 minutes); tests shorten it.
   */
  SHARED_SESSION_IDLE_SECONDS: number;
}

const NODE_ENVS = ['development', 'production', 'test'] as const;

function isNodeEnv(value: string): value is ParsedEnv['NODE_ENV'] {
  return (NODE_ENVS as readonly string[]).includes(value);
}

/**
 * Validates the variables this product reads (others are ignored). Every problem is reported,
 * each as `NAME: what is wrong`, so one start shows them all.
 */
export function parseEnv(
  source: Record<string, string | undefined>,
): { ok: true; env: ParsedEnv } | { ok: false; issues: string[] } {
  const issues: string[] = [];
  const issue = (name: string, message: string) => issues.push(`${name}: ${message}`);

  /** A whole number in [min, max], read as Number() reads it (so an empty value is 0). */
  const wholeNumber = (name: string, min: number, max: number, fallback: number): number => {
    const text = source[name];
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      issue(name, `must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  /** An optional value that must match `pattern`. */
  const matching = (name: string, pattern: RegExp, message: string): string | undefined => {
    const value = source[name];
    if (value !== undefined && !pattern.test(value)) issue(name, message);
    return value;
  };

  const nodeEnv = source.NODE_ENV ?? 'development';
  if (!isNodeEnv(nodeEnv)) issue('NODE_ENV', `must be one of ${NODE_ENVS.join(', ')}`);
  const port = wholeNumber('PORT', 0, 65535, 3000);
  const databaseUrl = matching('DATABASE_URL', /^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// address');
  const redisUrl = matching('REDIS_URL', /^rediss?:\/\//, 'REDIS_URL must be a redis:// address');
  const peerAddress = matching('PEER_ADDRESS', /^[^\s:/]+:\d{1,5}$/, 'PEER_ADDRESS must be host:port');
  const secret = source.NEXTAUTH_SECRET;
  if (secret !== undefined && secret.length < 32) issue('NEXTAUTH_SECRET', 'must be at least 32 characters');
  // Surrounding spaces, tabs and line breaks (a value pasted from a page) are not part of it.
  const url = source.NEXTAUTH_URL?.trim();
  if (url !== undefined && !URL.canParse(url))
    issue('NEXTAUTH_URL', 'must be an absolute address, e.g. https://harbor.example');
  const proxies = parseTrustedProxies(source.TRUSTED_PROXIES);
  for (const message of proxies.issues) issue('TRUSTED_PROXIES', message);
  const limits = parseRealtimeLimits(source.REALTIME_LIMITS);
  for (const { key, message } of limits.issues) issue(key ? `REALTIME_LIMITS.${key}` : 'REALTIME_LIMITS', message);
  const sharedIdle = wholeNumber('SHARED_SESSION_IDLE_SECONDS', 1, 86_400, 1800);
  if (issues.length > 0 || !isNodeEnv(nodeEnv)) return { ok: false, issues };

  const env: ParsedEnv = {
    NODE_ENV: nodeEnv,
    PORT: port,
    HOST: source.HOST ?? '0.0.0.0',
    DATA_DIR: source.DATA_DIR ?? './data',
    TRUSTED_PROXIES: proxies.ranges,
    EMERGENCY_NUMBER: source.EMERGENCY_NUMBER ?? '911',
    CRISIS_LINE: source.CRISIS_LINE ?? '988',
    REALTIME_LIMITS: limits.limits,
    SHARED_SESSION_IDLE_SECONDS: sharedIdle,
  };
  if (databaseUrl !== undefined) env.DATABASE_URL = databaseUrl;
  if (redisUrl !== undefined) env.REDIS_URL = redisUrl;
  if (peerAddress !== undefined) env.PEER_ADDRESS = peerAddress;
  if (secret !== undefined) env.NEXTAUTH_SECRET = secret;
  if (url !== undefined) env.NEXTAUTH_URL = url.replace(/[\t\n\r]/g, '');
  return { ok: true, env };
}

export type Env = ParsedEnv & {
  secret: string;
  dataDir: string;
  /** The app's own origin: NEXTAUTH_URL's, else the http://localhost:PORT that server/index.ts gives next-auth. */
  origin: string;
};

const SECRET_FILE = 'session-secret';

/** Reads the session secret from the data folder, creating it (mode 0600) on first run. */
function ensureSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    // A secret copied in, or left by an older version, may be readable by others.
    chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(`Invalid environment: ${parsed.issues.join('; ')}`);
  // Where the operator says, outside the build: the bundler need not trace it (nor the whole project).
  const dataDir = path.resolve(/* turbopackIgnore: true */ parsed.env.DATA_DIR);
  // Plans, letters and the session secret: for the owner only, whatever the umask or an older
  // version left (the database files are made 0600 where they are opened, server/db/connection.ts).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const secret = parsed.env.NEXTAUTH_SECRET ?? ensureSecret(dataDir);
  const origin = new URL(parsed.env.NEXTAUTH_URL ?? `http://localhost:${parsed.env.PORT}`).origin;
  cached = { ...parsed.env, secret, dataDir, origin };
  return cached;
}
