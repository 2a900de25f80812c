import { z } from 'zod';
import { RUN_OUTCOMES, TEAM_SIGNALS, type RunEvent } from '../../lib/run/types';

const name = z.string().max(200);
const ids = z.array(z.string().max(64)).max(50);
const phase = z.enum(['letters', 'bottom-lines']);

/**
 * A stored moment, checked when it is read back: the table holds what this server wrote, but a
 * row a later version cannot read is skipped rather than breaking every phone's run.
 */
export const RunEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started') }),
  z.object({ kind: z.literal('speaker'), itemId: z.string().max(64).nullable(), name, phase }),
  z.object({ kind: z.literal('phase'), phase: z.enum(['letters', 'bottom-lines', 'after']) }),
  z.object({
    kind: z.literal('contingency'),
    itemId: z.string().max(64),
    title: name,
    actors: ids,
    actorNames: z.array(name).max(50),
  }),
  z.object({ kind: z.literal('contingency-closed'), title: name }),
  z.object({
    kind: z.literal('signal'),
    signal: z.enum(TEAM_SIGNALS),
    followers: ids,
    followerNames: z.array(name).max(50),
  }),
  z.object({ kind: z.literal('signal-cleared') }),
  z.object({ kind: z.literal('step-out'), name }),
  z.object({ kind: z.literal('outcome'), outcome: z.enum(RUN_OUTCOMES) }),
  z.object({ kind: z.literal('ended') }),
]) satisfies z.ZodType<RunEvent>;

/** The stored row's event, or null if it does not parse. */
export function parseStoredEvent(kind: string, detail: string): RunEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return null;
  }
  const parsed = RunEventSchema.safeParse(typeof value === 'object' && value !== null ? { ...value, kind } : null);
  return parsed.success ? parsed.data : null;
}

/** The row's columns for an event: its kind, and the rest as JSON. */
export function storedDetail(event: RunEvent): { kind: string; detail: string } {
  const { kind, ...rest } = event;
  return { kind, detail: JSON.stringify(rest) };
}
