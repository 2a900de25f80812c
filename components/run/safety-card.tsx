import { SafetyFacts } from './sheet-facts';
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
      <SafetyFacts safety={safety} emergency={emergency} className="run-facts" codeWordClassName="run-code-word" />
    </section>
  );
}
