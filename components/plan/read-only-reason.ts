import type { Member } from '@/server/boards/members';
import { can } from '@/lib/permissions/rules';
import type { AttemptState } from './attempt-state';

/** "Ana", "Ana or Ben", "Ana, Ben or Cy". */
function eitherOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'the interventionist';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Why this person reads the plan without changing it, in words that say what it is and what
 * would change it: a freeze is a pause someone named can lift, a closed attempt is kept as it
 * was, and a viewer follows along. Null when they may write.
 */
export function readOnlyReason(options: {
  state: AttemptState;
  attempt: number;
  latest: number;
  /** This person may lift a freeze (their abilities say so). */
  canLift: boolean;
  viewer: boolean;
  members: readonly Member[];
}): string | null {
  const { state, attempt, latest, canLift, viewer, members } = options;
  if (state === 'closed')
    return `Attempt ${attempt} is closed: attempt ${latest} was staged from it, and the team works there now. It is kept exactly as it was, to look back on; nobody can change it.`;
  if (state === 'frozen') {
    if (canLift)
      return 'This plan is frozen: nobody can change it, you included, until the freeze is lifted. You can lift it under Readiness.';
    // Who can lift it is whoever the rules let freeze: asked of the rules, not of a role's name.
    const lifters = members.filter((member) => can(member.role, 'attempts.freeze')).map((member) => member.name);
    return `This plan is frozen for now: you can read it, but nobody can change it. Only ${eitherOf(lifters)} can lift the freeze; ask if something needs to change.`;
  }
  return viewer ? 'You follow this plan as a viewer: you can read what the team shares, but not change it.' : null;
}
