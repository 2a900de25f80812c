import { z } from 'zod';
import { BOARD_TOPICS, type NotifyKind } from '../../lib/protocol/board-events';
import type { RunMessage } from '../../lib/run/types';
import type { BusEvent } from './bus';

/**
 * What one process tells the others of a bus event over PostgreSQL's NOTIFY (postgres-relay.ts):
 * `{ from, event }` as JSON. Whatever arrives on the channel is parsed here before any listener
 * sees it: anyone who can reach the database can NOTIFY, and a half-read event must not reach
 * the realtime servers.
 */

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const NOTIFY_PAYLOAD_LIMIT = 8000;

/** The events other processes act on. */
export type RelayedEvent = Exclude<BusEvent, { type: 'doc-edit' }>;

export interface RelayEnvelope {
  /** The sending process's random id: a process ignores its own notifications. */
  from: string;
  event: RelayedEvent;
}

const Id = z.string().min(1).max(200);
const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('board') }),
  z.object({ kind: z.literal('private'), userIds: z.array(Id).max(1000) }),
]);
const NotifyTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interventionists'), except: Id }),
  z.object({ kind: z.literal('user'), userId: Id }),
]);
/** Every kind, by its type: a kind added there and not here does not compile. */
const NOTIFY_KINDS: { [K in NotifyKind]: K } = {
  'question-asked': 'question-asked',
  'question-answered': 'question-answered',
  'letter-submitted': 'letter-submitted',
};
const RUN_MESSAGE_KINDS: { [K in RunMessage['kind']]: K } = {
  state: 'state',
  signal: 'signal',
  'step-out': 'step-out',
};
const RunMessageKind = z.enum(RUN_MESSAGE_KINDS);
/**
 * The server only routes a run message, by its audience, to the board channel: it is checked
 * for the shape it is routed by (an object of a known kind), and the rest goes to the phones as
 * the sending process built it.
 */
const Run = z.custom<RunMessage>((value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, attempt } = value as { kind?: unknown; attempt?: unknown };
  return RunMessageKind.safeParse(kind).success && typeof attempt === 'number';
});

const RelayedEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session-revoked'), sessionId: Id }),
  z.object({ type: z.literal('access-changed'), boardId: Id }),
  z.object({ type: z.literal('board-deleted'), boardId: Id }),
  z.object({
    type: z.literal('board-changed'),
    boardId: Id,
    topic: z.enum(BOARD_TOPICS),
    audience: Audience,
    detail: z.record(z.string(), z.unknown()),
  }),
  z.object({
    type: z.literal('notify'),
    boardId: Id,
    to: NotifyTarget,
    kind: z.enum(NOTIFY_KINDS),
    from: z.string().max(500),
  }),
  z.object({ type: z.literal('run'), boardId: Id, audience: Audience, message: Run }),
]) satisfies z.ZodType<RelayedEvent>;

const EnvelopeSchema = z.object({ from: Id, event: RelayedEventSchema });

/**
 * JSON with every character past ASCII escaped: the payload's size in bytes is then its length,
 * whatever the database's encoding, and no character can fail to convert to it.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export type Encoded = { ok: true; payload: string } | { ok: false; reason: 'not-relayed' | 'too-large' };

/**
 * The payload for `event`, or why it is not sent: a server edit (`doc-edit`) is applied by the
 * local sync process only, and an event past the NOTIFY limit cannot be carried.
 */
export function encodeRelayed(from: string, event: BusEvent): Encoded {
  if (event.type === 'doc-edit') return { ok: false, reason: 'not-relayed' };
  const payload = asciiJson({ from, event } satisfies RelayEnvelope);
  if (payload.length >= NOTIFY_PAYLOAD_LIMIT) return { ok: false, reason: 'too-large' };
  return { ok: true, payload };
}

export type Decoded = { ok: true; envelope: RelayEnvelope } | { ok: false; reason: string };

/** The envelope in a received payload, or what was wrong with it. */
export function decodeRelayed(payload: string | undefined): Decoded {
  if (payload === undefined || payload === '') return { ok: false, reason: 'empty payload' };
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, envelope: parsed.data };
}
