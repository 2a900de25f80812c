import { TEAM_ROLES, type TeamRole } from '../plan/schema';
import type { PlanJSON } from '../plan/to-json';
import { check, type CoverageCheck, filled } from './check';
import { bottomLinesCheck, contingenciesCheck, objectionsCheck, treatmentCheck } from './content-checks';
import { isOutstanding, type LetterProgress, outstandingLine } from './letter-progress';

export type { CoverageCheck } from './check';
export type { LetterProgress, LetterWriter } from './letter-progress';

const ESSENTIAL: readonly TeamRole[] = ['chair', 'closer', 'escort', 'safety-lead'];

/** The roles an intervention cannot run without (docs/plan.md, "Team"), named as on the team cards. */
export const ESSENTIAL_ROLES: readonly { role: TeamRole; label: string }[] = TEAM_ROLES.filter(({ value }) =>
  ESSENTIAL.includes(value),
).map(({ value, label }) => ({ role: value, label }));

/** People on the team cards who will be in the room: named, and not staying home. */
function attendingTeam(plan: PlanJSON) {
  return plan.team.filter((member) => filled(member.name) && member.attendance !== 'home');
}

function rolesCheck(plan: PlanJSON): CoverageCheck {
  const attending = attendingTeam(plan);
  const missing = ESSENTIAL_ROLES.filter(({ role }) => !attending.some((member) => member.roles.includes(role))).map(
    (r) => `No one attending is ${r.label}`,
  );
  return check('roles', 'The essential roles are filled', missing);
}

function teamSizeCheck(plan: PlanJSON): CoverageCheck {
  const size = attendingTeam(plan).length;
  const missing =
    size === 0
      ? ['No one on the team cards is attending yet']
      : size < 3
        ? [`Only ${size} attending`]
        : size > 7
          ? [`${size} attending: consider who could send a letter instead`]
          : [];
  return check('team-size', 'A team of 3 to 7 people', missing);
}

function lettersCheck(letters: LetterProgress | 'unavailable'): CoverageCheck {
  const label = 'Every participant has submitted their letters';
  if (letters === 'unavailable') return check('letters', label, ['Where the letters stand could not be loaded']);
  const { writers, othersOutstanding } = letters;
  const others = othersOutstanding === 1 ? '1 other participant' : `${othersOutstanding} other participants`;
  const missing =
    letters.expected === 0
      ? ['No relatives have joined the board to write letters yet']
      : [
          ...writers.filter(isOutstanding).flatMap((writer) => outstandingLine(writer) ?? []),
          ...(othersOutstanding > 0
            ? [`${others} still ${othersOutstanding === 1 ? 'has' : 'have'} letters to submit`]
            : []),
        ];
  return check('letters', label, missing);
}

/**
 * What the plan still lacks before the day, on real content only: someone named to act in every
 * situation, objections listed with who answers them and how, bottom lines with their owners,
 * the essential roles held by people who attend, a team of 3 to 7, every participant's letters
 * handed in, and an admission arranged. Pure, so it runs live in the browser on every change;
 * the letters' progress comes from the readiness API (review records are not in the plan).
 */
export function coverageChecks(plan: PlanJSON, letters: LetterProgress | 'unavailable'): CoverageCheck[] {
  return [
    contingenciesCheck(plan),
    objectionsCheck(plan),
    bottomLinesCheck(plan),
    rolesCheck(plan),
    teamSizeCheck(plan),
    lettersCheck(letters),
    treatmentCheck(plan),
  ];
}
