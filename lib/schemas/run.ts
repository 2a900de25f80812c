import { z } from 'zod';
import { RUN_OUTCOMES, TEAM_SIGNALS } from '../run/types';

/** A plan item's id (lib/plan/lists.ts makes 24 hex characters; the presets have fixed names). */
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an item of the plan.');
/** The state the move was made on (RunState.seq): a move made on an older one is refused (409). */
const seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * What the run-mode page asks the server to do. Strict: a body naming anything else (who acts,
 * who is reading, a time) is refused, since the server works those out from the plan and the
 * session.
 */
export const RunActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    rehearsal: z.boolean(),
    /** The interventionist's time zone (IANA), for the times the debrief records. */
    timeZone: z.string().max(64).optional(),
  }),
  z.strictObject({ type: z.literal('next'), seq }),
  z.strictObject({ type: z.literal('speaker'), itemId, seq }),
  z.strictObject({ type: z.literal('bottom-lines'), seq }),
  /** Opens a playbook for everyone; null closes the one that is open. */
  z.strictObject({ type: z.literal('contingency'), itemId: itemId.nullable() }),
  z.strictObject({ type: z.literal('signal'), signal: z.enum([...TEAM_SIGNALS, 'clear']) }),
  z.strictObject({ type: z.literal('outcome'), outcome: z.enum(RUN_OUTCOMES), seq }),
  z.strictObject({ type: z.literal('end') }),
  z.strictObject({ type: z.literal('step-out') }),
]);
export type RunAction = z.infer<typeof RunActionSchema>;
