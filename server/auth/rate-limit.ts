import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed sign-ins are counted per account and per address: five wrong passwords lock an
 * account for fifteen minutes; an address that tries many accounts is slowed the same way.
 * In memory for one process; the Redis limiter takes its place when the app runs on several.
 */
const WINDOW_SECONDS = 15 * 60;
const perAccount = new RateLimiterMemory({
  keyPrefix: 'signin-account',
  points: 5,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});
const perAddress = new RateLimiterMemory({
  keyPrefix: 'signin-address',
  points: 30,
  duration: WINDOW_SECONDS,
  blockDuration: WINDOW_SECONDS,
});
const registrations = new RateLimiterMemory({ keyPrefix: 'register-address', points: 20, duration: 60 * 60 });

async function isBlocked(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  const res = await limiter.get(key);
  return res !== null && res.remainingPoints <= 0;
}

export async function signInBlocked(email: string, address: string): Promise<boolean> {
  return (await isBlocked(perAccount, email)) || (await isBlocked(perAddress, address));
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return false;
    throw rejection;
  }
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  await consume(perAccount, email);
  await consume(perAddress, address);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await perAccount.delete(email);
}

/** Returns false when this address has registered too many accounts recently. */
export function allowRegistration(address: string): Promise<boolean> {
  return consume(registrations, address);
}
