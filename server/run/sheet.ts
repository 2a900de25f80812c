import type { ItemJSON, PlanJSON, SingletonJSON } from '../../lib/plan/to-json';
import { actorsOf, followersOf } from '../../lib/run/actors';
import { runningOrder, type RunSpeaker } from '../../lib/run/order';
import type { Principal } from '../auth/principal';
import { env } from '../env';
import { lettersFor, type ParticipantLetters } from './letter-text';
import { readPlan } from './plan';

/** A reader on the running order, with their letters as this person may see them. */
export interface SheetSpeaker extends RunSpeaker {
  /** null: no account linked (no letters on the board); 'private': letters this person may not read. */
  letters: ParticipantLetters | 'private' | null;
}

export interface SheetPlaybook {
  id: string;
  /** The prepared playbook it started as (lib/plan/defaults.ts), '' for the family's own. */
  preset: string;
  title: string;
  trigger: string;
  who: string;
  steps: string;
  /** The accounts of the people in the room "who acts" names (they are alerted on their phones). */
  actors: string[];
  actorNames: string[];
}

/**
 * What a phone keeps on screen for the day, built on the server for one person: the running
 * order, each letter only if they may read it, the playbooks, the safety plan, treatment and
 * escort. The plan is every member's to read; letters follow the access table.
 */
export interface RunSheet {
  boardId: string;
  attempt: number;
  order: SheetSpeaker[];
  playbooks: SheetPlaybook[];
  safety: SingletonJSON<'safety'>;
  emergency: { number: string; crisisLine: string };
  escort: SingletonJSON<'escort'>;
  treatment: ItemJSON<'treatment'>[];
  bottomLines: { id: string; owner: string; statement: string }[];
  followers: { userId: string; name: string }[];
  /** The day and time, as the plan's logistics hold them (the place stays on the board: a phone shows less). */
  when: { date: string; time: string };
}

const titled = (text: string, fallback: string) => text.trim() || fallback;

export function playbooksOf(plan: PlanJSON): SheetPlaybook[] {
  return plan.contingencies
    .filter((c) => c.title.trim() || c.trigger.trim() || c.steps.trim())
    .map((c) => {
      const actors = actorsOf(c.who, plan.team);
      return {
        id: c.id,
        preset: c.preset,
        title: titled(c.title, 'Untitled situation'),
        trigger: c.trigger,
        who: c.who,
        steps: c.steps,
        actors: actors.map((card) => card.memberId).filter((id) => id !== ''),
        actorNames: actors.map((card) => titled(card.name, 'Unnamed person')),
      };
    });
}

export function followersFrom(plan: PlanJSON): RunSheet['followers'] {
  return followersOf(plan.team).map((card) => ({ userId: card.memberId, name: titled(card.name, 'Unnamed person') }));
}

export async function buildSheet(
  reader: Pick<Principal, 'userId'>,
  boardId: string,
  attempt: number,
  given?: PlanJSON,
): Promise<RunSheet> {
  const plan = given ?? (await readPlan(boardId, attempt));
  const order: SheetSpeaker[] = [];
  for (const speaker of runningOrder(plan)) {
    const letters =
      speaker.memberId === '' ? null : ((await lettersFor(reader, boardId, attempt, speaker.memberId)) ?? 'private');
    order.push({ ...speaker, letters });
  }
  return {
    boardId,
    attempt,
    order,
    playbooks: playbooksOf(plan),
    safety: plan.safety,
    emergency: { number: env().EMERGENCY_NUMBER, crisisLine: env().CRISIS_LINE },
    escort: plan.escort,
    treatment: plan.treatment.filter((t) => t.name.trim() || t.admissionDate || t.bedHeld),
    bottomLines: plan.bottomLines
      .filter((b) => b.statement.trim())
      .map((b) => ({ id: b.id, owner: b.owner.trim(), statement: b.statement.trim() })),
    followers: followersFrom(plan),
    when: { date: plan.logistics.date, time: plan.logistics.time },
  };
}
