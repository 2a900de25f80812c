import type { LetterProgress, LetterWriter } from '../../lib/readiness/letter-progress';
import { isOutstanding } from '../../lib/readiness/letter-progress';
import type { AttendanceDecision, LetterName, ReviewStatus } from '../../lib/records';
import type { Member } from '../boards/members';
import { can } from '../permissions';

/**
 * Where each writer's letters stand, from the review records, for one reader. Writers are the
 * members who hold bottom lines (relatives), less those the interventionist decided stay home.
 * A review status is private to its writer and the interventionists (as the reviews API keeps
 * it), so a reader who may not see everyone's (`onlyUserId`) gets their own and a count.
 */
export function letterProgress(
  members: readonly Member[],
  decisions: readonly { user_id: string; decision: AttendanceDecision }[],
  reviews: readonly { user_id: string; letter: LetterName; status: ReviewStatus }[],
  onlyUserId: string | null,
): LetterProgress {
  const home = new Set(decisions.filter((d) => d.decision === 'home').map((d) => d.user_id));
  const writers: LetterWriter[] = members
    .filter((member) => can(member.role, 'bottom-lines.hold-own') && !home.has(member.userId))
    .map((member) => {
      const status = (letter: LetterName) =>
        reviews.find((r) => r.user_id === member.userId && r.letter === letter)?.status ?? null;
      return {
        userId: member.userId,
        name: member.name,
        letters: { impact: status('impact'), bottomLine: status('bottomLine') },
      };
    });
  const visible = (writer: LetterWriter) => onlyUserId === null || writer.userId === onlyUserId;
  return {
    expected: writers.length,
    writers: writers.filter(visible),
    othersOutstanding: writers.filter((writer) => !visible(writer) && isOutstanding(writer)).length,
  };
}
