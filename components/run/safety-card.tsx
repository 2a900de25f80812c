import type { RunSheet } from './run-types';

/** The safety plan, always on screen (offline too): the code word, the exits, who calls for help. */
export function SafetyCard({ sheet, urgent }: { sheet: RunSheet; urgent: boolean }) {
  const { safety, emergency } = sheet;
  return (
    <section
      className={`run-card run-safety${urgent ? ' is-urgent' : ''}`}
      aria-labelledby="run-safety-heading"
      data-testid="run-safety"
    >
      <h2 id="run-safety-heading">Safety plan</h2>
      <dl className="run-facts">
        <dt>Code word</dt>
        <dd className="run-code-word" data-testid="run-code-word">
          {safety.codeWord.trim() || 'None agreed yet'}
        </dd>
        <dt>Exits</dt>
        <dd>{safety.exits.trim() || 'Not written yet'}</dd>
        <dt>Calls emergency services</dt>
        <dd>{safety.caller.trim() || 'Not named yet'}</dd>
        <dt>Numbers</dt>
        <dd>
          Emergency <a href={`tel:${emergency.number}`}>{emergency.number}</a>, crisis line{' '}
          <a href={`tel:${emergency.crisisLine}`}>{emergency.crisisLine}</a>
        </dd>
        {safety.riskNotes.trim() ? (
          <>
            <dt>Also know</dt>
            <dd>{safety.riskNotes}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
