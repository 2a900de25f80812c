import type { RunAction } from '../schemas/run';
import { speakerAfter, type RunSpeaker } from './order';
import type { RunEvent, RunState } from './types';

/** What a move needs to know besides the state: the plan as it is now, and who makes the move. */
export interface MoveContext {
  order: readonly RunSpeaker[];
  contingencies: readonly { id: string; title: string; actors: string[]; actorNames: string[] }[];
  /** The people chosen to follow if the loved one walks out (userId '' when they have no account). */
  followers: readonly { userId: string; name: string }[];
  /** The name of the person making the move (from the session). */
  by: string;
}

export type MoveAction = Exclude<RunAction, { type: 'start' }>;

export type MoveResult = { ok: true; events: RunEvent[] } | { ok: false; status: 400 | 409; message: string };

const refuse = (status: 400 | 409, message: string): MoveResult => ({ ok: false, status, message });
const accept = (...events: RunEvent[]): MoveResult => ({ ok: true, events });

function speakerEvent(speaker: RunSpeaker, phase: 'letters' | 'bottom-lines'): RunEvent {
  return { kind: 'speaker', itemId: speaker.itemId, name: speaker.name, phase };
}

function next(state: RunState, ctx: MoveContext): MoveResult {
  if (state.phase === 'after') return refuse(409, 'The letters are over: record what happened, or end the run.');
  const phase = state.phase;
  const read = new Set(state.spoken.filter((s) => s.phase === phase).map((s) => s.itemId));
  if (state.speaker === null && read.size > 0 && phase === 'letters') return refuse(409, 'Every letter has been read.');
  if (state.speaker) read.add(state.speaker.itemId);
  const following = speakerAfter(ctx.order, state.speaker?.itemId ?? null, read);
  if (following) return accept(speakerEvent(following, phase));
  if (state.speaker === null && read.size === 0) return refuse(409, 'Nobody is on the running order yet.');
  // After the last letter: the impact letters wait for the outcome; the bottom-line letters end
  // in the first 72 hours.
  return phase === 'letters'
    ? accept({ kind: 'speaker', itemId: null, name: '', phase })
    : accept({ kind: 'phase', phase: 'after' });
}

function outcome(state: RunState, action: Extract<MoveAction, { type: 'outcome' }>, ctx: MoveContext): MoveResult {
  if (state.rehearsal)
    return refuse(
      409,
      'A rehearsal records no outcome. Practise the bottom-line letters instead, or end the rehearsal.',
    );
  const recorded: RunEvent = { kind: 'outcome', outcome: action.outcome };
  if (action.outcome === 'refused') {
    // The bottom-line letters follow a refusal, in the speaking order, then the first 72 hours.
    if (state.phase === 'bottom-lines') return accept(recorded);
    const first = ctx.order[0];
    return first
      ? accept(recorded, speakerEvent(first, 'bottom-lines'))
      : accept(recorded, { kind: 'phase', phase: 'after' });
  }
  return state.phase === 'after' ? accept(recorded) : accept(recorded, { kind: 'phase', phase: 'after' });
}

/**
 * What a move adds to a run under way, or why it is refused; pure, so the rules of the day are
 * tested without a server. The caller has checked the role and that the move was made on the
 * current state (its `seq`).
 */
export function planMove(state: RunState, action: MoveAction, ctx: MoveContext): MoveResult {
  switch (action.type) {
    case 'next':
      return next(state, ctx);
    case 'speaker': {
      if (state.phase === 'after') return refuse(409, 'The letters are over: record what happened, or end the run.');
      const speaker = ctx.order.find((s) => s.itemId === action.itemId);
      if (!speaker) return refuse(400, 'That person is not on the running order.');
      return accept(speakerEvent(speaker, state.phase));
    }
    case 'bottom-lines': {
      if (state.phase === 'bottom-lines') return refuse(409, 'The bottom-line letters are already being read.');
      const first = ctx.order[0];
      if (!first) return refuse(409, 'Nobody is on the running order yet.');
      return accept(speakerEvent(first, 'bottom-lines'));
    }
    case 'contingency': {
      if (action.itemId === null) {
        return state.contingency ? accept({ kind: 'contingency-closed', title: state.contingency.title }) : accept();
      }
      const playbook = ctx.contingencies.find((c) => c.id === action.itemId);
      if (!playbook) return refuse(400, 'That playbook is not in the plan.');
      if (state.contingency?.itemId === playbook.id) return accept();
      return accept({
        kind: 'contingency',
        itemId: playbook.id,
        title: playbook.title,
        actors: playbook.actors,
        actorNames: playbook.actorNames,
      });
    }
    case 'signal':
      if (action.signal === 'clear') return accept({ kind: 'signal-cleared' });
      return accept({
        kind: 'signal',
        signal: action.signal,
        followers: action.signal === 'left' ? ctx.followers.map((f) => f.userId).filter((id) => id !== '') : [],
        followerNames: action.signal === 'left' ? ctx.followers.map((f) => f.name) : [],
      });
    case 'outcome':
      return outcome(state, action, ctx);
    case 'end':
      return accept({ kind: 'ended' });
    case 'step-out':
      return accept({ kind: 'step-out', name: ctx.by });
  }
}
