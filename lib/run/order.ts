import type { Attendance, TeamRole } from '../plan/schema';
import type { PlanJSON } from '../plan/to-json';

/** One reader on the day, from the Team section: their card, in the speaking order. */
export interface RunSpeaker {
  itemId: string;
  name: string;
  relationship: string;
  seat: string;
  roles: TeamRole[];
  attendance: Exclude<Attendance, 'home'>;
  /** Who reads the letter of someone who does not attend. */
  readBy: string;
  /** The account the card is linked to ('' for a relative without one): their letters document. */
  memberId: string;
}

const UNNAMED = 'Unnamed person';

function asRoles(values: readonly string[]): TeamRole[] {
  const known: readonly string[] = [
    'chair',
    'speaker',
    'closer',
    'escort',
    'follower',
    'safety-lead',
    'emergency-caller',
  ];
  return values.filter((value): value is TeamRole => known.includes(value));
}

/**
 * The running order: the team cards in their speaking order, without those who stay home (as the
 * Team section's speaking order lists them). A letter read by someone else keeps its place.
 */
export function runningOrder(plan: PlanJSON): RunSpeaker[] {
  const speakers: RunSpeaker[] = [];
  for (const item of plan.team) {
    if (item.attendance === 'home') continue;
    speakers.push({
      itemId: item.id,
      name: item.name.trim() || UNNAMED,
      relationship: item.relationship.trim(),
      seat: item.seat.trim(),
      roles: asRoles(item.roles),
      attendance: item.attendance,
      readBy: item.readBy.trim(),
      memberId: item.memberId,
    });
  }
  return speakers;
}

/**
 * Who reads after `currentId`: the next in the order. When the current reader is no longer on it
 * (their card was removed meanwhile), the first who has not read yet in this phase. Null: done.
 */
export function speakerAfter(
  order: readonly RunSpeaker[],
  currentId: string | null,
  readInPhase: ReadonlySet<string>,
): RunSpeaker | null {
  const index = currentId === null ? -1 : order.findIndex((speaker) => speaker.itemId === currentId);
  if (index >= 0) return order[index + 1] ?? null;
  return order.find((speaker) => !readInPhase.has(speaker.itemId)) ?? null;
}

/** The team cards linked to this account (someone may hold two, e.g. reading a letter for another). */
export function cardsOf<T extends RunSpeaker>(order: readonly T[], userId: string): T[] {
  return order.filter((speaker) => speaker.memberId !== '' && speaker.memberId === userId);
}
