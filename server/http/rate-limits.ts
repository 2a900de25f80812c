import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import { env } from '../env';
import { resolveLimits } from '../yjs/limits';
import { tooManyRequests } from './errors';

const HISTORY_KEY = Symbol.for('intervention-board.history-requests');
type GlobalWithLimiter = typeof globalThis & { [HISTORY_KEY]?: RateLimiterMemory };

/**
 * History requests per person per minute (`historyRequestsPerMinute`, REALTIME_LIMITS): each
 * may rebuild a document from its log, tens of milliseconds on the web process's one thread, so
 * a loop of them would hold up every page. On globalThis: Next's bundled route handlers may load
 * separate copies of this module, and the three history routes share one budget.
 */
function historyLimiter(): RateLimiterMemory {
  const holder = globalThis as GlobalWithLimiter;
  holder[HISTORY_KEY] ??= new RateLimiterMemory({
    keyPrefix: 'history',
    points: resolveLimits(env().REALTIME_LIMITS).historyRequestsPerMinute,
    duration: 60,
  });
  return holder[HISTORY_KEY];
}

/** Counts one history request of this person; past the limit, a 429 with Retry-After (seconds). */
export async function limitHistoryRequests(principal: Principal): Promise<void> {
  try {
    await historyLimiter().consume(principal.userId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw tooManyRequests(
      'Too many history requests. Wait a moment, then try again.',
      Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
    );
  }
}
