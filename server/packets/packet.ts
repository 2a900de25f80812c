import type { PlanJSON } from '../../lib/plan/to-json';
import type { Role } from '../../lib/roles';
import { namesPerson } from '../../lib/run/actors';
import { cardsOf } from '../../lib/run/order';
import { listMembers } from '../boards/members';
import { can } from '../permissions';
import { lettersFor, type ParticipantLetters } from '../run/letter-text';
import { buildSheet, type RunSheet, type SheetPlaybook, type SheetSpeaker } from '../run/sheet';

/** Where one person is in the running order. */
export interface PacketPlace {
  card: SheetSpeaker;
  /** 1-based place in the speaking order, and how many read. */
  place: number;
  of: number;
}

/**
 * One person's packet for the day, for print: their part, their own letters, their bottom lines,
 * what they do in each playbook, the safety plan, treatment and escort. Built with that person's
 * own access, whoever prints it: it holds the plan (every member reads it) and their own letters,
 * nothing of anyone else's.
 */
export interface Packet {
  person: { userId: string; name: string; role: Role };
  places: PacketPlace[];
  /** Cards whose letter this person reads for someone who does not attend. */
  readsFor: SheetSpeaker[];
  letters: ParticipantLetters | null;
  bottomLines: RunSheet['bottomLines'];
  playbooks: (SheetPlaybook & { youAct: boolean })[];
  sheet: Pick<RunSheet, 'safety' | 'emergency' | 'escort' | 'treatment' | 'when' | 'followers'>;
}

export async function buildPacket(
  person: { userId: string; name: string; role: Role },
  boardId: string,
  attempt: number,
  plan: PlanJSON,
): Promise<Packet> {
  // The sheet as this person sees it: other people's letters stay out (and are not used below).
  const sheet = await buildSheet(person, boardId, attempt, plan);
  const mine = cardsOf(sheet.order, person.userId);
  const names = [person.name, ...mine.map((card) => card.name)];
  const letters = can(person.role, 'letters.submit-own')
    ? await lettersFor(person, boardId, attempt, person.userId)
    : null;
  return {
    person,
    places: mine.map((card) => ({ card, place: sheet.order.indexOf(card) + 1, of: sheet.order.length })),
    readsFor: sheet.order.filter(
      (card) => card.attendance === 'letter-read' && names.some((name) => namesPerson(card.readBy, name)),
    ),
    letters,
    bottomLines: sheet.bottomLines.filter((line) => names.some((name) => namesPerson(line.owner, name))),
    playbooks: sheet.playbooks.map((playbook) => ({ ...playbook, youAct: playbook.actors.includes(person.userId) })),
    sheet: {
      safety: sheet.safety,
      emergency: sheet.emergency,
      escort: sheet.escort,
      treatment: sheet.treatment,
      when: sheet.when,
      followers: sheet.followers,
    },
  };
}

/** The members whose packets "print everyone's" gives: the relatives who take part, in the order they joined. */
export async function packetPeople(boardId: string): Promise<{ userId: string; name: string; role: Role }[]> {
  return (await listMembers(boardId))
    .filter((member) => can(member.role, 'bottom-lines.hold-own'))
    .map(({ userId, name, role }) => ({ userId, name, role }));
}
