import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TrustedProxiesFromEnv } from './http/trusted-proxies';
import { RealtimeLimitsFromEnv } from './yjs/limits-override';

/**
 * The environment, validated once. Every module reads configuration from here, never from
 * process.env directly, so a bad value fails at start with a clear message.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /**
   * Records and the update log on PostgreSQL (`postgres://user:password@host:5432/board`) instead
   * of the SQLite file in DATA_DIR, for an organisation that runs the board past one machine
   * (docs/deploy.md). Unset: SQLite, nothing to set up.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// address')
    .optional(),
  /**
   * Redis for what may be lost when several processes serve one PostgreSQL database: socket.io's
   * messages between them and the rate limits (`redis://host:6379`). Never the update log.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// address')
    .optional(),
  /**
   * Where the other processes reach this one (`host:port`), for the sockets of boards this
   * process owns (docs/deploy.md). Default: 127.0.0.1 and PORT, for processes on one machine.
   */
  PEER_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'PEER_ADDRESS must be host:port')
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /**
   * The address people use, e.g. https://harbor.example: next-auth's links, and the one origin
   * whose requests and websockets are accepted (server/http/origin.ts). Behind a proxy, the
   * public address: the Host header a proxy forwards is not trusted for this.
   */
  NEXTAUTH_URL: z.string().url().optional(),
  /**
   * The reverse proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDR
   * ranges (e.g. `127.0.0.1,10.0.0.0/8`). Empty: the socket's address is the client's, and
   * X-Forwarded-For is ignored (anyone can send one).
   */
  TRUSTED_PROXIES: TrustedProxiesFromEnv,
  /** Emergency numbers shown in the safety plan; a setting because they differ by country. */
  EMERGENCY_NUMBER: z.string().default('911'),
  CRISIS_LINE: z.string().default('988'),
  /** Overrides of the realtime server's limits (server/yjs/limits.ts), a JSON object. */
  REALTIME_LIMITS: RealtimeLimitsFromEnv,
  /**
   * A session signed in as a shared or family computer ends after this long without use (the
   * issue asks for 30 minutes); tests shorten it.
   */
  SHARED_SESSION_IDLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(1800),
});

export type Env = z.infer<typeof EnvSchema> & {
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
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  // Plans, letters and the session secret: for the owner only, whatever the umask or an older
  // version left (the database files are made 0600 where they are opened, server/db/connection.ts).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const secret = parsed.data.NEXTAUTH_SECRET ?? ensureSecret(dataDir);
  const origin = new URL(parsed.data.NEXTAUTH_URL ?? `http://localhost:${parsed.data.PORT}`).origin;
  cached = { ...parsed.data, secret, dataDir, origin };
  return cached;
}
