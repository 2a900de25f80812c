import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GuessThrottle } from './guess-throttle';

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
 * In memory for one process; a shared store takes their place when the app runs on several.
 */
const WINDOW_SECONDS = 15 * 60;
const HOUR_MS = 60 * 60 * 1000;

const perAddress = new RateLimiterMemory({
  keyPrefix: 'signin-address',
  points: 30,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});
const perAccountAtAddress = new GuessThrottle({
  free: 5,
  baseDelayMs: 5 * 1000,
  maxDelayMs: 5 * 60 * 1000,
  forgetAfterMs: HOUR_MS,
});
const perAccount = new GuessThrottle({
  free: 20,
  baseDelayMs: 5 * 1000,
  maxDelayMs: 60 * 1000,
  forgetAfterMs: HOUR_MS,
});

const registrations = new RateLimiterMemory({ keyPrefix: 'register-address', points: 20, duration: 60 * 60 });

/** Takes one point; the wait in ms when none is left. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}

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

/** Counts a sign-in attempt and says whether it may go on to check the password. */
export async function beginSignIn(email: string, address: string): Promise<SignInAttempt | RefusedSignIn> {
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
}

/** "Wait 8 seconds", "Wait 5 minutes": how long, in words a person reads at a glance. */
export function waitInWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `Wait ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Returns false when this address has registered too many accounts recently. */
export async function allowRegistration(address: string): Promise<boolean> {
  return (await consume(registrations, address)) === 0;
}
