import type { LetterName } from '../records';

/** Where a board's latest attempt stands, furthest first: an outcome, a rehearsal held, frozen, planning. */
export type BoardStage = 'planning' | 'frozen' | 'rehearsed' | 'outcome';

export interface GuidedBoard {
  boardId: string;
  title: string;
  attempt: number;
  stage: BoardStage;
  /** The recorded outcome, '' when none. */
  outcome: string;
  /** The next date on the plan from `today` on: the intervention or its rehearsal. */
  nextDate: { kind: 'intervention' | 'rehearsal'; date: string; time: string } | null;
  /** A run under way now. */
  live: { rehearsal: boolean } | null;
  lettersWaiting: { ownerName: string; letter: LetterName; since: number }[];
  questionsWaiting: { askedByName: string; since: number }[];
  /** The coverage checks that do not pass, with how much each still lacks. */
  gaps: { id: string; label: string; missing: string[] }[];
  lastActivity: number | null;
}

export type QueueKind = 'live' | 'date' | 'letter' | 'question' | 'gaps';

export interface QueueItem {
  boardId: string;
  boardTitle: string;
  kind: QueueKind;
  /** What needs doing, in a line. */
  label: string;
  /** Where to do it. */
  href: string;
  /** Waiting since (ms), for letters and questions. */
  since: number | null;
  /** The date it is due (YYYY-MM-DD), for the plan's dates. */
  due: string | null;
}

/** Days from one YYYY-MM-DD to another (UTC calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Within this many days, a date with gaps in the plan comes before everything but a run under way. */
export const SOON_DAYS = 7;

const LETTER_WORDS: Record<LetterName, string> = { impact: 'impact letter', bottomLine: 'bottom-line letter' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One queue across every board someone guides, of what needs them next: a run under way first,
 * then a date coming up while the plan still has gaps (soonest first), letters waiting for review
 * and questions waiting for an answer (longest waiting first), then the gaps of boards with no
 * date soon. Pure: the overview page and its tests call it with what the server gathered.
 */
export function needsNext(boards: readonly GuidedBoard[], today: string): QueueItem[] {
  const live: QueueItem[] = [];
  const dated: QueueItem[] = [];
  const waiting: QueueItem[] = [];
  const gaps: QueueItem[] = [];
  for (const board of boards) {
    const at = (path = '') => `/boards/${board.boardId}${path}`;
    const base = { boardId: board.boardId, boardTitle: board.title };
    if (board.live) {
      live.push({
        ...base,
        kind: 'live',
        label: board.live.rehearsal ? 'A rehearsal is under way' : 'The intervention is under way',
        href: at('/run'),
        since: null,
        due: null,
      });
    }
    const missing = board.gaps.reduce((n, gap) => n + Math.max(1, gap.missing.length), 0);
    const soon =
      board.nextDate !== null && board.stage !== 'outcome' && daysBetween(today, board.nextDate.date) <= SOON_DAYS;
    if (soon && board.nextDate && missing > 0) {
      const what = board.nextDate.kind === 'rehearsal' ? 'Rehearsal' : 'Intervention';
      dated.push({
        ...base,
        kind: 'date',
        label: `${what} on ${board.nextDate.date}: ${plural(missing, 'gap')} in the plan`,
        href: at('#readiness'),
        since: null,
        due: board.nextDate.date,
      });
    }
    for (const letter of board.lettersWaiting) {
      waiting.push({
        ...base,
        kind: 'letter',
        label: `Review ${letter.ownerName}’s ${LETTER_WORDS[letter.letter]}`,
        href: at('#letters'),
        since: letter.since,
        due: null,
      });
    }
    for (const question of board.questionsWaiting) {
      waiting.push({
        ...base,
        kind: 'question',
        label: `Answer ${question.askedByName}’s question`,
        href: at('#questions'),
        since: question.since,
        due: null,
      });
    }
    if (!soon && missing > 0 && board.stage !== 'outcome') {
      gaps.push({
        ...base,
        kind: 'gaps',
        label: `${plural(missing, 'gap')} in the plan`,
        href: at('#readiness'),
        since: board.lastActivity,
        due: board.nextDate?.date ?? null,
      });
    }
  }
  dated.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  waiting.sort((a, b) => (a.since ?? 0) - (b.since ?? 0));
  gaps.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || (b.since ?? 0) - (a.since ?? 0));
  return [...live, ...dated, ...waiting, ...gaps];
}

/** The next date on a plan from `today` on, the rehearsal if it comes first. */
export function nextDateOf(
  logistics: { date: string; time: string; rehearsalDate: string },
  today: string,
): GuidedBoard['nextDate'] {
  const valid = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= today;
  if (valid(logistics.rehearsalDate) && (!valid(logistics.date) || logistics.rehearsalDate <= logistics.date))
    return { kind: 'rehearsal', date: logistics.rehearsalDate, time: '' };
  if (valid(logistics.date)) return { kind: 'intervention', date: logistics.date, time: logistics.time };
  return null;
}
