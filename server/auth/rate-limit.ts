import { createHmac } from 'node:crypto';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import { env } from '../env';
import { redis, type RedisClient } from '../redis';
import { GuessThrottle, type ThrottleSettings } from './guess-throttle';

/**
 * Sign-in limits. Every attempt is counted before its password is checked, so concurrent guesses
 * cannot slip past a count that has not gone up yet. Three counts:
 * - per address (any account): 30 attempts in 15 minutes, then 15 minutes of refusals. The
 *   address is the client's (server/http/client-address.ts: behind a trusted proxy, the one it
 *   forwards), so one person's typos do not lock out everyone behind the same proxy.
 * - per account from one address: growing delays after 5 attempts (5 s, 10 s, 20 s, ... at most
 *   5 minutes), so a guesser is slowed down but the owner elsewhere is not affected.
 * - per account from anywhere: growing delays after 20 attempts, at most a minute: guesses from
 *   many addresses stay slow, and the owner still gets in after a short wait, never locked out.
 * A successful sign-in clears the account's counts and gives its address attempt back.
 * One process keeps them in memory. With REDIS_URL set, every process counts in Redis, so that
 * a guesser gains nothing by landing on another process; when Redis is away, each process counts
 * in its own memory until it is back, and sign-in goes on.
 */
const WINDOW_SECONDS = 15 * 60;
const HOUR_MS = 60 * 60 * 1000;

const ADDRESS_LIMIT = {
  keyPrefix: 'signin-address',
  points: 30,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
};
const REGISTRATION_LIMIT = { keyPrefix: 'register-address', points: 20, duration: 60 * 60 };
const ACCOUNT_AT_ADDRESS: ThrottleSettings = {
  free: 5,
  baseDelayMs: 5 * 1000,
  maxDelayMs: 5 * 60 * 1000,
  forgetAfterMs: HOUR_MS,
};
const ACCOUNT: ThrottleSettings = { free: 20, baseDelayMs: 5 * 1000, maxDelayMs: 60 * 1000, forgetAfterMs: HOUR_MS };

/** An attempt that was let through, already counted: `succeeded()` once the password matched. */
export interface SignInAttempt {
  allowed: true;
  succeeded(): Promise<void>;
}
export interface RefusedSignIn {
  allowed: false;
  /** How long before this address may try this account again. */
  retryAfterMs: number;
}

export interface SignInLimits {
  /** Counts a sign-in attempt and says whether it may go on to check the password. */
  beginSignIn(email: string, address: string): Promise<SignInAttempt | RefusedSignIn>;
  /** False when this address has registered too many accounts recently. */
  allowRegistration(address: string): Promise<boolean>;
}

/** Takes one point; the wait in ms when none is left. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}

/** The limits of one process, in its memory. */
export function memoryLimits(): SignInLimits {
  const perAddress = new RateLimiterMemory(ADDRESS_LIMIT);
  const perAccountAtAddress = new GuessThrottle(ACCOUNT_AT_ADDRESS);
  const perAccount = new GuessThrottle(ACCOUNT);
  const registrations = new RateLimiterMemory(REGISTRATION_LIMIT);
  return {
    beginSignIn: async (email, address) => {
      const blockedMs = await consume(perAddress, address);
      if (blockedMs > 0) return { allowed: false, retryAfterMs: blockedMs };
      // From here to the counts, nothing awaits: two concurrent guesses cannot both see the old count.
      const pair = `${email}\n${address}`;
      const now = Date.now();
      const waitMs = Math.max(perAccountAtAddress.waitMs(pair, now), perAccount.waitMs(email, now));
      if (waitMs > 0) return { allowed: false, retryAfterMs: waitMs };
      perAccountAtAddress.count(pair, now);
      perAccount.count(email, now);
      return {
        allowed: true,
        succeeded: async () => {
          perAccountAtAddress.clear(pair);
          perAccount.clear(email);
          await perAddress.reward(address, 1);
        },
      };
    },
    allowRegistration: async (address) => (await consume(registrations, address)) === 0,
  };
}

/** How long Redis may take to answer before a count goes to this process's memory instead. */
const STORE_TIMEOUT_MS = 500;

interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

/**
 * A count in Redis, with this process's memory as rate-limiter-flexible's insurance: while Redis
 * is down or reconnecting (not "ready": no wait in node-redis's offline queue), or connected but
 * silent for STORE_TIMEOUT_MS, the count is kept in memory, so sign-in never fails for Redis.
 */
function sharedLimiter(client: RedisClient, options: LimiterOptions, incrScript?: string): RateLimiterAbstract {
  const insuranceLimiter = new RateLimiterMemory(options);
  const store = new RateLimiterRedis({
    ...options,
    storeClient: client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    insuranceLimiter,
    ...(incrScript ? { customIncrTtlLuaScript: incrScript } : {}),
  });
  // The wrapper hands its blockDuration to the insurance: the same options, or none would apply.
  const { keyPrefix, blockDuration } = options;
  return new RLWrapperTimeouts({
    keyPrefix,
    blockDuration,
    limiter: store,
    insuranceLimiter,
    timeoutMs: STORE_TIMEOUT_MS,
  });
}

/**
 * Each count renews the key's expiry (rate-limiter-flexible's own script sets it once, at the
 * first): attempts are forgotten an hour after the last one, as GuessThrottle forgets them.
 */
const RENEWING_COUNT_SCRIPT = `local consumed = redis.call('incrby', KEYS[1], ARGV[1])
redis.call('expire', KEYS[1], ARGV[2])
return {consumed, 1000 * ARGV[2]}`;

type Verdict = { allowed: true; undo(): Promise<void> } | { allowed: false; waitMs: number };

/**
 * GuessThrottle's growing delays, on counts every process shares: a key's attempts, and a gate
 * that, once the free attempts are used, lets one attempt through and then stays shut for the
 * delay that follows it. Counting first gives each of several concurrent attempts, from any
 * process, its own number; of those past the free ones, only the one that opens the gate goes
 * on. A refused attempt gives its count back, as GuessThrottle counts only the attempts it lets
 * through (until it has, a concurrent attempt may be numbered one higher: its delay can come out
 * a step longer, never shorter).
 */
class SharedThrottle {
  private readonly schedule: GuessThrottle;
  private readonly attempts: RateLimiterAbstract;
  private readonly gate: RateLimiterAbstract;

  constructor(client: RedisClient, name: string, settings: ThrottleSettings) {
    // Asked only for its delays; the counts are in Redis.
    this.schedule = new GuessThrottle(settings);
    const duration = Math.ceil(settings.forgetAfterMs / 1000);
    const counting = { keyPrefix: `${name}-attempts`, points: Number.MAX_SAFE_INTEGER, duration };
    this.attempts = sharedLimiter(client, counting, RENEWING_COUNT_SCRIPT);
    this.gate = sharedLimiter(client, { keyPrefix: `${name}-gate`, points: 1, duration: 1 });
  }

  async attempt(key: string): Promise<Verdict> {
    const counted = await this.attempts.consume(key);
    const giveBack = async (): Promise<void> => {
      await this.attempts.reward(key, 1);
    };
    const delayMs = this.schedule.delayAfter(counted.consumedPoints);
    if (delayMs === 0) return { allowed: true, undo: giveBack };
    try {
      // The gate lives as long as the delay that follows this attempt (set when it opens).
      await this.gate.consume(key, 1, { customDuration: Math.ceil(delayMs / 1000) });
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await giveBack();
      return { allowed: false, waitMs: Math.max(1, rejection.msBeforeNext) };
    }
    return {
      allowed: true,
      undo: async () => {
        await Promise.all([giveBack(), this.gate.delete(key)]);
      },
    };
  }

  async clear(key: string): Promise<void> {
    await Promise.all([this.attempts.delete(key), this.gate.delete(key)]);
  }
}

/**
 * The limits every process shares through Redis. Keys are keyed hashes of the address and the
 * email (HMAC with `secret`), so that Redis holds no one's address or email. `prefix` keeps
 * several sets of limits apart on one Redis (the tests').
 */
export function sharedLimits(client: RedisClient, options: { secret: string; prefix?: string }): SignInLimits {
  const prefix = options.prefix ?? 'limits';
  const id = (value: string): string => createHmac('sha256', options.secret).update(value).digest('base64url');
  const named = <T extends { keyPrefix: string }>(limit: T): T => ({
    ...limit,
    keyPrefix: `${prefix}:${limit.keyPrefix}`,
  });
  const perAddress = sharedLimiter(client, named(ADDRESS_LIMIT));
  const registrations = sharedLimiter(client, named(REGISTRATION_LIMIT));
  const perAccountAtAddress = new SharedThrottle(client, `${prefix}:signin-account-address`, ACCOUNT_AT_ADDRESS);
  const perAccount = new SharedThrottle(client, `${prefix}:signin-account`, ACCOUNT);
  return {
    beginSignIn: async (email, address) => {
      const addressKey = id(address);
      const blockedMs = await consume(perAddress, addressKey);
      if (blockedMs > 0) return { allowed: false, retryAfterMs: blockedMs };
      const pairKey = id(`${email}\n${address}`);
      const accountKey = id(email);
      const verdicts = await Promise.all([perAccountAtAddress.attempt(pairKey), perAccount.attempt(accountKey)]);
      const [pair, account] = verdicts;
      if (pair.allowed && account.allowed) {
        return {
          allowed: true,
          succeeded: async () => {
            await Promise.all([
              perAccountAtAddress.clear(pairKey),
              perAccount.clear(accountKey),
              perAddress.reward(addressKey, 1),
            ]);
          },
        };
      }
      // Refused by either count: the other takes back the attempt it let through.
      await Promise.all(verdicts.map((verdict) => (verdict.allowed ? verdict.undo() : Promise.resolve())));
      const waitMs = Math.max(...verdicts.map((verdict) => (verdict.allowed ? 0 : verdict.waitMs)));
      return { allowed: false, retryAfterMs: waitMs };
    },
    allowRegistration: async (address) => (await consume(registrations, id(address))) === 0,
  };
}

let chosen: SignInLimits | undefined;

/** Chosen at the first request, not when the module loads (the build imports it with no settings). */
function limits(): SignInLimits {
  if (!chosen) {
    const client = redis();
    chosen = client ? sharedLimits(client, { secret: env().secret }) : memoryLimits();
  }
  return chosen;
}

/** Counts a sign-in attempt and says whether it may go on to check the password. */
export function beginSignIn(email: string, address: string): Promise<SignInAttempt | RefusedSignIn> {
  return limits().beginSignIn(email, address);
}

/** Returns false when this address has registered too many accounts recently. */
export function allowRegistration(address: string): Promise<boolean> {
  return limits().allowRegistration(address);
}

/** "Wait 8 seconds", "Wait 5 minutes": how long, in words a person reads at a glance. */
export function waitInWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `Wait ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
