import { clock } from '@/lib/run/labels';
import type { RunState } from '@/lib/run/types';
import { GUIDE_SECONDS } from './letter-text';
import type { RunSheet } from './run-types';

/** After a rehearsal's readings: how long each letter took, against the guide and its own estimate. */
export function RehearsalSummary({ state, sheet }: { state: RunState; sheet: RunSheet }) {
  if (!state.rehearsal || state.spoken.length === 0) return null;
  return (
    <section className="run-card" aria-labelledby="run-rehearsal-heading" data-testid="run-rehearsal-summary">
      <h2 id="run-rehearsal-heading">Reading times in this rehearsal</h2>
      <p className="muted small">
        The guide is about {clock(GUIDE_SECONDS * 1000)} a letter. Nothing here is recorded as an outcome.
      </p>
      <table className="run-times">
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Letter</th>
            <th scope="col">Took</th>
            <th scope="col">Estimate</th>
          </tr>
        </thead>
        <tbody>
          {state.spoken.map((spoken, index) => {
            const letters = sheet.order.find((s) => s.itemId === spoken.itemId)?.letters;
            const letter =
              letters && letters !== 'private'
                ? letters[spoken.phase === 'bottom-lines' ? 'bottomLine' : 'impact']
                : null;
            const over = spoken.ms > GUIDE_SECONDS * 1000;
            return (
              <tr key={`${spoken.itemId}-${index}`} className={over ? 'is-over' : ''}>
                <td>{spoken.name}</td>
                <td>{spoken.phase === 'bottom-lines' ? 'bottom line' : 'impact'}</td>
                <td>
                  {clock(spoken.ms)}
                  {over ? ' (over the guide)' : ''}
                </td>
                <td>{letter && letter.status !== 'empty' ? clock(letter.readingSeconds * 1000) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
