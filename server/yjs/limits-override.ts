import type { RealtimeLimits } from './limits';

/** Whether a limit may be 0 (`count`: 0 turns it off or makes it immediate) or must be above it. */
const KIND: Record<keyof RealtimeLimits, 'count' | 'positive'> = {
  maxFrameBytes: 'positive',
  messagesPerSecond: 'positive',
  messageBurst: 'positive',
  syncRequestsPerSecond: 'positive',
  syncRequestBurst: 'positive',
  checkpointEvery: 'positive',
  maxAwarenessStateBytes: 'positive',
  maxBufferedBytes: 'positive',
  pingIntervalMs: 'positive',
  closeTimeoutMs: 'positive',
  idleRoomMs: 'count',
  idleRoomsMax: 'count',
  loadTurnMs: 'count',
  maxSocketsPerSession: 'positive',
  maxSocketsPerUser: 'positive',
  maxRoomsPerUser: 'positive',
  loggedBytesPerDocPerHour: 'positive',
  loggedBytesPerUserPerHour: 'positive',
  channelEventsPerSecond: 'positive',
  historyRequestsPerMinute: 'positive',
};

function isLimit(key: string): key is keyof RealtimeLimits {
  return Object.hasOwn(KIND, key);
}

/** One thing wrong with REALTIME_LIMITS: the limit it is about (none: the whole value), and what. */
export interface LimitIssue {
  key?: string;
  message: string;
}

/**
 * Operators' overrides of the realtime limits, as the JSON object in REALTIME_LIMITS, e.g.
 * `{"idleRoomMs":0}`; absent or blank means no override. Every value is a whole number (above 0
 * unless the limit may be 0). Unknown keys are refused, so a misspelt limit fails at start
 * instead of being silently ignored. A plain reader rather than a zod schema: the sync process
 * reads its environment too, and zod alone was 2.7 MB of its heap (docs/performance.md).
 */
export function parseRealtimeLimits(text: string | undefined): {
  limits: Partial<RealtimeLimits>;
  issues: LimitIssue[];
} {
  const limits: Partial<RealtimeLimits> = {};
  if (!text?.trim()) return { limits, issues: [] };
  const notAnObject = { limits, issues: [{ message: 'must be a JSON object of realtime limits' }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return notAnObject;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return notAnObject;
  const issues: LimitIssue[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!isLimit(key)) {
      issues.push({ message: `"${key}" is not a realtime limit` });
      continue;
    }
    const least = KIND[key] === 'count' ? 0 : 1;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least) {
      issues.push({ key, message: `must be a whole number, ${least} or more` });
      continue;
    }
    limits[key] = value;
  }
  return { limits, issues };
}
