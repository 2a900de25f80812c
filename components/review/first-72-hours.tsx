import './first-72-hours.css';

/**
 * What the team holds to in the first three days after the loved one says no: the moment when
 * families most often give way. Written in the product's own words (docs/plan.md, section 12).
 */
const RULES: readonly { title: string; text: string }[] = [
  {
    title: 'One message, not a flood.',
    text: 'No repeated calls or texts. One calm message that the offer of help still stands is enough.',
  },
  {
    title: 'Every bottom line holds, as it was said.',
    text: 'No softening, no “just this once”, no postponing, however hard the pressure gets.',
  },
  {
    title: 'Nobody breaks ranks.',
    text: 'No side deals, money, rides or a place to stay from anyone on the team. A request to one of you gets the team’s answer.',
  },
  {
    title: 'Don’t go silent either.',
    text: 'Stay warm and reachable: they should know they are loved and that help is ready the moment they say yes.',
  },
];

/** The team's rules for the first three days after a refusal, as a numbered list. */
export function FirstDaysRules() {
  return (
    <ol className="rules">
      {RULES.map((rule) => (
        <li key={rule.title}>
          <strong>{rule.title}</strong> {rule.text}
        </li>
      ))}
    </ol>
  );
}

/**
 * The rules as the review page shows them: highlighted once a debrief records a refusal, the
 * latest attempt's, or the one before when the next attempt has just been staged from it (the
 * three days after a refusal are exactly when a new attempt starts).
 */
export function First72Hours({ refusedIn }: { refusedIn: number | null }) {
  return (
    <section
      className={`history-card stack first-72${refusedIn !== null ? ' is-active' : ''}`}
      aria-labelledby="first72-heading"
      data-testid="first-72-hours"
      data-active={refusedIn !== null ? 'true' : 'false'}
    >
      <h2 id="first72-heading">After a refusal: the first 72 hours</h2>
      <p className="small">
        {refusedIn !== null
          ? `The debrief of attempt ${refusedIn} records that help was not accepted. For the next three days, the whole team agrees to:`
          : 'If help is refused, the whole team agrees, for the first three days, to:'}
      </p>
      <FirstDaysRules />
    </section>
  );
}

/** The same rules, for run mode's screen after a refusal (components/run/after-outcome.tsx). */
export { RULES as FIRST_72_HOURS_RULES };
