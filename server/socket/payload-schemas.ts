import { z } from 'zod';
import type { BoardRef, PresencePerson, PresenceUpdate } from '../../lib/protocol/board-events';
import { ROLES } from '../../lib/roles';

/**
 * What the browser sends, checked before use: the event maps (lib/protocol/board-events.ts) say
 * what an honest client sends, these say what the server accepts. `satisfies` keeps the two
 * in step: a schema that no longer yields its payload type does not compile.
 */
const id = z.string().max(64);

export const BoardRefSchema = z.object({ boardId: id }) satisfies z.ZodType<BoardRef>;
export const PresenceUpdateSchema = z.object({
  boardId: id,
  section: z.string().max(64).nullable(),
}) satisfies z.ZodType<PresenceUpdate>;

/**
 * Who another server process says is on a board (server/socket/board-presence.ts). Checked too:
 * it arrives through Redis, and a process of an older version may still be running.
 */
export const PresencePeopleSchema = z.array(
  z.object({
    userId: id,
    name: z.string().max(200),
    role: z.enum(ROLES),
    section: z.string().max(64).nullable(),
  }),
) satisfies z.ZodType<PresencePerson[]>;
