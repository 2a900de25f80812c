import { z } from 'zod';
import type { RealtimeLimits } from './limits';

const count = z.number().int().nonnegative();
const positive = z.number().int().positive();

/**
 * Operators' overrides of the realtime limits, as the JSON object in REALTIME_LIMITS, e.g.
 * `{"idleRoomMs":0}`. Unknown keys are refused, so a misspelt limit fails at start instead of
 * being silently ignored.
 */
export const RealtimeLimitsOverride = z
  .object({
    maxFrameBytes: positive,
    messagesPerSecond: positive,
    messageBurst: positive,
    syncRequestsPerSecond: positive,
    syncRequestBurst: positive,
    checkpointEvery: positive,
    maxAwarenessStateBytes: positive,
    maxBufferedBytes: positive,
    pingIntervalMs: positive,
    closeTimeoutMs: positive,
    idleRoomMs: count,
    idleRoomsMax: count,
    loadTurnMs: count,
    maxSocketsPerSession: positive,
    maxSocketsPerUser: positive,
    maxRoomsPerUser: positive,
    loggedBytesPerDocPerHour: positive,
    loggedBytesPerUserPerHour: positive,
    channelEventsPerSecond: positive,
    historyRequestsPerMinute: positive,
  } satisfies Record<keyof RealtimeLimits, z.ZodType<number>>)
  .partial()
  .strict();

/** Parses REALTIME_LIMITS; absent or empty means no override. */
export const RealtimeLimitsFromEnv = z
  .string()
  .optional()
  .transform((text, ctx): unknown => {
    if (!text?.trim()) return {};
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of realtime limits' });
      return z.NEVER;
    }
  })
  .pipe(RealtimeLimitsOverride);
