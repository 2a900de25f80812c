import type { PlanJSON } from '../plan/to-json';
import { check, type CoverageCheck, filled, short } from './check';
import { namesSomeone } from './placeholders';

/*
 * The plan's lists pass only on what is written in them: an empty list is a gap, not a green
 * tick, and a card with nothing in it is not counted (nor blamed) either way.
 */

export function contingenciesCheck(plan: PlanJSON): CoverageCheck {
  const planned = plan.contingencies.filter((c) => filled(c.title) || filled(c.trigger) || filled(c.steps));
  const missing =
    planned.length === 0
      ? ['No situations are planned for: add what could go wrong on the day']
      : planned
          .filter((c) => !namesSomeone(c.who))
          .map((c) => `Name who acts: ${short(c.title, 'Untitled situation')}`);
  return check('contingencies', 'Someone is named to act in every situation', missing);
}

export function objectionsCheck(plan: PlanJSON): CoverageCheck {
  const listed = plan.objections.filter((o) => filled(o.objection));
  const missing =
    listed.length === 0
      ? ['No objections listed yet: write what they are likely to say, and who answers it']
      : listed.flatMap((o) => {
          const said = short(o.objection, '');
          return [
            ...(filled(o.answeredBy) ? [] : [`Name who answers: ${said}`]),
            ...(filled(o.answer) ? [] : [`Write the answer: ${said}`]),
          ];
        });
  return check('objections', 'Every objection has an answer and someone to give it', missing);
}

export function bottomLinesCheck(plan: PlanJSON): CoverageCheck {
  const written = plan.bottomLines.filter((line) => filled(line.statement) || filled(line.owner));
  const missing =
    written.length === 0
      ? ['No bottom lines yet: each relative writes their own']
      : written.flatMap((line) =>
          !filled(line.owner)
            ? [`Name whose bottom line it is: ${short(line.statement, '')}`]
            : !filled(line.statement)
              ? [`Write ${short(line.owner, '')}’s bottom line`]
              : [],
        );
  return check('bottom-lines', 'Every bottom line has an owner', missing);
}

export function treatmentCheck(plan: PlanJSON): CoverageCheck {
  const arranged = (option: PlanJSON['treatment'][number]) => filled(option.admissionDate) || option.bedHeld;
  const named = plan.treatment.filter((option) => filled(option.name));
  const missing = named.some(arranged)
    ? []
    : plan.treatment.some(arranged)
      ? ['Name the place where the admission is arranged']
      : plan.treatment.length === 0
        ? ['Add treatment options']
        : ['Arrange an admission date or a held bed for at least one option'];
  return check('treatment', 'Treatment has an admission arranged', missing);
}
