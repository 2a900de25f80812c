import { OUTCOME_WORDS } from '@/lib/run/labels';
import type { RunState } from '@/lib/run/types';
import { FIRST_72_HOURS_RULES } from '../review/first-72-hours';
import type { RunSheet } from './run-types';
import { EscortFacts } from './sheet-facts';

const CARE: Record<string, string> = { detox: 'Detox', inpatient: 'Inpatient', outpatient: 'Outpatient', '': '' };

function Escort({ sheet }: { sheet: RunSheet }) {
  const { escort } = sheet;
  const arranged = sheet.treatment.filter((t) => t.admissionDate || t.bedHeld);
  return (
    <section className="run-card run-accepted" aria-labelledby="run-escort-heading" data-testid="run-escort">
      <p className="run-eyebrow">They said yes</p>
      <h2 id="run-escort-heading">Escort to treatment</h2>
      <EscortFacts escort={escort} className="run-facts" driverClassName="run-driver" />
      <h3>Admission</h3>
      {arranged.length === 0 ? (
        <p className="muted">No admission is arranged in the plan: the interventionist calls the options now.</p>
      ) : (
        <ul className="run-list">
          {arranged.map((option) => (
            <li key={option.id}>
              <strong>{option.name || 'Unnamed option'}</strong>
              {option.level ? ` · ${CARE[option.level] ?? option.level}` : ''}
              {option.admissionDate ? ` · admission ${option.admissionDate}` : ''}
              {option.bedHeld ? ' · bed held' : ''}
              {option.contact ? <span className="muted small"> · {option.contact}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BottomLines({ sheet }: { sheet: RunSheet }) {
  if (sheet.bottomLines.length === 0) return null;
  return (
    <section className="run-card" aria-labelledby="run-bottom-lines-heading">
      <h2 id="run-bottom-lines-heading">The bottom lines, from today</h2>
      <ul className="run-list">
        {sheet.bottomLines.map((line) => (
          <li key={line.id}>
            {line.owner ? <strong>{line.owner}: </strong> : null}
            {line.statement}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the screen shows once the outcome is known (or the bottom-line letters have been read). */
export function AfterOutcome({ state, sheet }: { state: RunState; sheet: RunSheet }) {
  if (state.phase !== 'after') return null;
  const outcome = state.outcome;
  if (outcome === 'accepted') return <Escort sheet={sheet} />;
  if (outcome === 'postponed') {
    return (
      <section className="run-card" aria-labelledby="run-postponed-heading">
        <h2 id="run-postponed-heading">Postponed</h2>
        <p>Nothing more is said about the plan today. The interventionist sets the next date with the team.</p>
      </section>
    );
  }
  const leaves = outcome === 'left' ? sheet.playbooks.find((p) => p.preset === 'preset-leaves') : undefined;
  return (
    <>
      {outcome ? (
        <p className="run-outcome" data-testid="run-outcome">
          Outcome: {OUTCOME_WORDS[outcome]}
        </p>
      ) : null}
      {leaves?.steps ? (
        <section className="run-card" aria-labelledby="run-left-heading">
          <h2 id="run-left-heading">{leaves.title}</h2>
          <p>{leaves.steps}</p>
        </section>
      ) : null}
      <section className="run-card" aria-labelledby="run-72-heading" data-testid="run-72-hours">
        <h2 id="run-72-heading">The first 72 hours begin</h2>
        <p className="small">For the next three days, the whole team agrees to:</p>
        <ol className="run-list">
          {FIRST_72_HOURS_RULES.map((rule) => (
            <li key={rule.title}>
              <strong>{rule.title}</strong> {rule.text}
            </li>
          ))}
        </ol>
      </section>
      <BottomLines sheet={sheet} />
    </>
  );
}
