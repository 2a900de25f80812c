import { listNames } from '@/lib/run/labels';
import type { RunState } from '@/lib/run/types';
import type { RunSheet } from './run-types';

/** The playbook the interventionist opened, on every screen; the people who act are told so. */
export function PlaybookCard({ state, sheet, meId }: { state: RunState; sheet: RunSheet; meId: string }) {
  const open = state.contingency;
  if (!open) return null;
  const playbook = sheet.playbooks.find((p) => p.id === open.itemId);
  const iAct = open.actors.includes(meId);
  return (
    <section
      className={`run-card run-playbook${iAct ? ' is-mine' : ''}`}
      aria-labelledby="run-playbook-heading"
      data-testid="run-playbook"
    >
      <p className="run-eyebrow">Playbook open</p>
      <h2 id="run-playbook-heading">{playbook?.title ?? open.title}</h2>
      {iAct ? (
        <p className="run-you-act" role="alert" data-testid="run-you-act">
          You act now.
        </p>
      ) : null}
      {playbook ? (
        <dl className="run-facts">
          {playbook.trigger ? (
            <>
              <dt>When</dt>
              <dd>{playbook.trigger}</dd>
            </>
          ) : null}
          <dt>Who acts</dt>
          <dd>{playbook.actorNames.length > 0 ? listNames(playbook.actorNames) : playbook.who || 'Not named'}</dd>
          {playbook.steps ? (
            <>
              <dt>Steps</dt>
              <dd className="run-steps">{playbook.steps}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="muted">This playbook was removed from the plan.</p>
      )}
    </section>
  );
}
