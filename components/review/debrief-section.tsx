'use client';

import { useCallback, useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import type { AttemptSummary } from '@/server/boards/boards';
import type { PlanJSON } from '@/lib/plan/to-json';
import { debriefAccess } from '@/lib/permissions/abilities';
import { debriefTypes, isNoteKey, noteText } from '@/lib/plan/debrief';
import type { Me, PageMember } from '../board/me';
import { EditProvider, type EditContextValue } from '../plan/edit-context';
import { ConnectionBanner, SaveStatus } from '../plan/save-status';
import { UnsavedChanges } from '../plan/unsaved-changes';
import { usePeers } from '../hooks/use-peers';
import { handleUndoKey, useUndo } from '../hooks/use-undo';
import { DebriefForm } from './debrief-form';
import type { Outcome } from './debrief-labels';
import { participantsOf } from './participants';
import { useDebrief } from './use-debrief';
import { useLatestPlan } from './use-latest-plan';
import { useFollowing } from '../hooks/use-following';

/** Which attempt is debriefed (the latest by default), its live form, and the team it lists. */
export function DebriefSection(props: {
  boardId: string;
  attempts: readonly AttemptSummary[];
  me: Me;
  members: readonly PageMember[];
  /** The latest attempt's outcome as it reads now; null while another attempt is on screen. */
  onOutcome(outcome: Outcome | null): void;
  latestPlan: PlanJSON | null;
}) {
  const { boardId, attempts, me, members, onOutcome, latestPlan } = props;
  const latest = attempts[attempts.length - 1]?.number ?? 1;
  const [attempt, setAttempt] = useFollowing(latest);
  // Decided by the server for this render; the document's own connection may say less since.
  const readOnly = debriefAccess(me.abilities, attempt) !== 'write';
  const { synced, debrief, docName } = useDebrief(boardId, attempt, me, readOnly);
  const otherPlan = useLatestPlan(boardId, attempt === latest ? null : attempt);
  const plan = attempt === latest ? latestPlan : otherPlan.plan;
  const editable = !readOnly && synced.canWrite;

  useEffect(() => {
    onOutcome(attempt === latest ? debrief.outcome : null);
  }, [debrief.outcome, attempt, latest, onOutcome]);

  const participants = participantsOf(members, plan?.team ?? [], Object.keys(debrief.participantNotes));
  const noteKeys = participants
    .map((p) => p.key)
    .filter(isNoteKey)
    .join(' ');
  // Undo covers this person's own edits of every field on screen, each participant's note included.
  const scope = useCallback(
    (doc: Y.Doc) => [
      ...debriefTypes(doc),
      ...noteKeys
        .split(' ')
        .filter(Boolean)
        .map((key) => noteText(doc, key) as Y.AbstractType<unknown>),
    ],
    [noteKeys],
  );
  const origin = useMemo(() => ({ kind: 'my-debrief-edits', attempt }), [attempt]);
  const doc = synced.loaded ? synced.doc : null;
  const undo = useUndo(doc, scope, origin);
  const peers = usePeers(synced.provider?.awareness ?? null);
  const awareness = synced.provider?.awareness ?? null;
  const edit: EditContextValue | null = useMemo(
    () =>
      doc
        ? {
            doc,
            readOnly: !editable,
            origin,
            undo: undo.manager,
            peers,
            setFocus: (field: string | null) => awareness?.setLocalStateField('field', field),
          }
        : null,
    [doc, editable, origin, undo.manager, peers, awareness],
  );

  return (
    <section
      className="history-card stack review-debrief"
      aria-labelledby="debrief-heading"
      onKeyDown={(event) => {
        // Undo outside the text fields (a tick, an outcome); the fields handle their own.
        const target = event.target as HTMLElement;
        if (!editable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
        if (handleUndoKey(event, undo.manager)) event.preventDefault();
      }}
    >
      <div className="spread">
        <h2 id="debrief-heading">Debrief of attempt {attempt}</h2>
        <div className="row">
          <SaveStatus status={synced.status} />
          {editable ? (
            <div className="row" role="group" aria-label="Undo your own changes">
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!undo.canUndo}
                onClick={() => undo.manager?.undo()}
                aria-keyshortcuts="Control+Z Meta+Z"
              >
                Undo
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!undo.canRedo}
                onClick={() => undo.manager?.redo()}
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
              >
                Redo
              </button>
            </div>
          ) : null}
          {attempts.length > 1 ? (
            <div className="field field-inline">
              <label htmlFor="debrief-attempt">Attempt</label>
              <select id="debrief-attempt" value={attempt} onChange={(event) => setAttempt(Number(event.target.value))}>
                {attempts.map((a) => (
                  <option key={a.number} value={a.number}>
                    Attempt {a.number}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      </div>
      <p className="muted small">
        Go over what happened together, with the interventionist, while it is fresh. It is not about blame: it is what
        makes the next attempt better. Everything is saved as you type, and every version stays in the history.
      </p>
      <ConnectionBanner
        status={synced.status}
        closedReason={synced.closedReason}
        readOnlyReason={
          readOnly ? 'You follow this board as a viewer: you can read the debrief but not change it.' : null
        }
        accessReduced={synced.accessReduced}
      />
      <UnsavedChanges synced={synced} docName={docName} />
      {edit ? (
        <EditProvider value={edit}>
          <DebriefForm key={attempt} debrief={debrief} participants={participants} />
        </EditProvider>
      ) : synced.closedReason ? null : (
        <p className="history-loading" role="status">
          <span className="history-spinner" aria-hidden="true" />
          {synced.status === 'offline'
            ? 'You are offline, and this debrief is not on this device yet. It opens as soon as you are back online.'
            : 'Opening the debrief…'}
        </p>
      )}
    </section>
  );
}
