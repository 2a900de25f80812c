import { DEFAULT_CONTINGENCIES } from '../plan/defaults';
import { TEAM_ROLES, type TeamRole } from '../plan/schema';
import type { PlanJSON } from '../plan/to-json';

export interface CoverageCheck {
  id: string;
  label: string;
  ok: boolean;
  /** What is missing, in words a family understands; empty when ok. */
  missing: string[];
}

const ESSENTIAL: readonly TeamRole[] = ['chair', 'closer', 'escort', 'safety-lead'];

/** The roles an intervention cannot run without (docs/plan.md, "Team"), named as on the team cards. */
export const ESSENTIAL_ROLES: readonly { role: TeamRole; label: string }[] = TEAM_ROLES.filter(({ value }) =>
  ESSENTIAL.includes(value),
).map(({ value, label }) => ({ role: value, label }));

const PRESET_WHO = new Map(DEFAULT_CONTINGENCIES.map((preset) => [preset.id, preset.who.trim()]));

/** A preset's suggested "who" is advice, not a name: it still needs a person. */
function namesSomeone(who: string, preset: string): boolean {
  const text = who.trim();
  return text.length > 0 && text !== PRESET_WHO.get(preset);
}

const label = (text: string, fallback: string) => text.trim() || fallback;

/**
 * What the plan still lacks before the day: every contingency has someone who acts, every
 * objection someone who answers it, the essential roles are held by people who attend, and
 * treatment is arranged. Pure, so it runs live in the browser on every change.
 */
export function coverageChecks(plan: PlanJSON): CoverageCheck[] {
  const contingencies = plan.contingencies
    .filter((c) => !namesSomeone(c.who, c.preset))
    .map((c) => label(c.title, 'Untitled situation'));
  const objections = plan.objections
    .filter((o) => o.answeredBy.trim() === '')
    .map((o) => label(o.objection, 'Untitled objection'));
  const attending = plan.team.filter((member) => member.attendance !== 'home');
  const roles = ESSENTIAL_ROLES.filter(({ role }) => !attending.some((member) => member.roles.includes(role))).map(
    (r) => r.label,
  );
  const admitted = plan.treatment.some((option) => option.admissionDate.trim() !== '' || option.bedHeld);
  const teamSize = attending.length;
  return [
    {
      id: 'contingencies',
      label: 'Someone acts in every situation',
      ok: contingencies.length === 0,
      missing: contingencies.map((t) => `Name who acts: ${t}`),
    },
    {
      id: 'objections',
      label: 'Every objection has someone to answer it',
      ok: objections.length === 0,
      missing: objections.map((t) => `Name who answers: ${t}`),
    },
    {
      id: 'roles',
      label: 'The essential roles are filled',
      ok: roles.length === 0,
      missing: roles.map((r) => `No one attending is ${r}`),
    },
    {
      id: 'treatment',
      label: 'Treatment is arranged',
      ok: admitted,
      missing: admitted
        ? []
        : [
            plan.treatment.length === 0
              ? 'Add treatment options'
              : 'Arrange an admission date or a held bed for at least one option',
          ],
    },
    {
      id: 'team-size',
      label: 'A team of 3 to 7 people',
      ok: teamSize >= 3 && teamSize <= 7,
      missing:
        teamSize < 3
          ? [`Only ${teamSize} attending`]
          : teamSize > 7
            ? [`${teamSize} attending: consider who could send a letter instead`]
            : [],
    },
  ];
}
