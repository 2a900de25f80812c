'use client';

import type { Debrief } from '@/lib/schemas/debrief';
import { Alert } from '../ui/alert';
import { fullMoment, shortMoment } from '../history/format';
import { OUTCOME_LABEL, OUTCOMES, WENT_WRONG, WENT_WRONG_INFO, type WentWrong } from './debrief-labels';
import type { Participant } from './participants';
import type { useDebrief } from './use-debrief';

type DebriefState = ReturnType<typeof useDebrief>;

function SaveState({ state }: { state: DebriefState }) {
  const { saving, saveError, dirty, saved } = state;
  const kind = saving ? 'saving' : saveError ? 'error' : dirty ? 'unsaved' : saved?.updatedAt ? 'saved' : 'empty';
  const text = {
    saving: 'Saving…',
    error: 'Not saved',
    unsaved: 'Unsaved changes',
    saved: saved?.updatedAt ? `Saved ${shortMoment(saved.updatedAt)}` : 'Saved',
    empty: 'Nothing saved yet',
  }[kind];
  return (
    <span
      className={`debrief-status debrief-status-${kind}`}
      role="status"
      data-testid="debrief-status"
      data-state={kind}
      title={saved?.updatedAt ? fullMoment(saved.updatedAt) : undefined}
    >
      {text}
    </span>
  );
}

/**
 * The debrief of an attempt: outcome, what went wrong, what happened, a note per participant
 * and the lessons. Saved with the button; family members and interventionists write it, viewers
 * read it.
 */
export function DebriefForm({
  state,
  participants,
  canEdit,
}: {
  state: DebriefState;
  participants: readonly Participant[];
  canEdit: boolean;
}) {
  const { draft, setDraft, dirty, saving, saveError, save, incoming, acceptIncoming, discard, updatedByOther } = state;
  const set = (patch: Partial<Debrief>) => setDraft((current) => ({ ...current, ...patch }));
  const tick = (item: WentWrong, on: boolean) =>
    set({
      wentWrong: on ? [...draft.wentWrong.filter((w) => w !== item), item] : draft.wentWrong.filter((w) => w !== item),
    });

  return (
    <form
      className="debrief-form stack"
      data-testid="debrief-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canEdit && dirty && !saving) void save();
      }}
    >
      {incoming ? (
        <div className="alert alert-info stack" role="status" data-testid="debrief-incoming">
          <span>
            Someone else saved this debrief {incoming.updatedAt ? shortMoment(incoming.updatedAt) : 'just now'} while
            you were editing. Saving now would replace their version with yours.
          </span>
          <div>
            <button type="button" className="button button-secondary button-small" onClick={acceptIncoming}>
              Show their version (drop my changes)
            </button>
          </div>
        </div>
      ) : updatedByOther ? (
        <Alert kind="info">Updated with the version someone else saved {shortMoment(updatedByOther)}.</Alert>
      ) : null}
      {saveError ? <Alert kind="error">{saveError}</Alert> : null}
      <fieldset className="debrief-fieldset" disabled={!canEdit}>
        <legend>How did it end?</legend>
        <div className="choice-grid">
          {OUTCOMES.map((outcome) => (
            <label key={outcome || 'none'} className="choice">
              <input
                type="radio"
                name="outcome"
                value={outcome}
                checked={draft.outcome === outcome}
                onChange={() => set({ outcome })}
              />
              <span>{OUTCOME_LABEL[outcome]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="debrief-fieldset" disabled={!canEdit}>
        <legend>What went wrong</legend>
        <p className="hint">Tick all that happened. Each one points to something to prepare differently.</p>
        <div className="choice-list">
          {WENT_WRONG.map((item) => (
            <label key={item} className="choice choice-with-hint">
              <input
                type="checkbox"
                checked={draft.wentWrong.includes(item)}
                onChange={(event) => tick(item, event.target.checked)}
              />
              <span>
                <span className="choice-label">{WENT_WRONG_INFO[item].label}</span>
                <span className="hint">{WENT_WRONG_INFO[item].next}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="debrief-details">What happened</label>
        <textarea
          id="debrief-details"
          value={draft.details}
          onChange={(event) => set({ details: event.target.value })}
          readOnly={!canEdit}
          maxLength={10_000}
          placeholder="In a few sentences, in order."
        />
      </div>
      <fieldset className="debrief-fieldset" disabled={!canEdit}>
        <legend>A note for each participant</legend>
        <p className="hint">
          How it went for each person, and whether their part should change next time. Everyone on the board can read
          these.
        </p>
        {participants.length === 0 ? <p className="muted small">No participants yet.</p> : null}
        <div className="participant-notes">
          {participants.map((person) => (
            <div key={person.key} className="field">
              <label htmlFor={`note-${person.key}`}>
                {person.name} <span className="muted small">· {person.detail}</span>
              </label>
              <textarea
                id={`note-${person.key}`}
                className="note-input"
                value={draft.participantNotes[person.key] ?? ''}
                onChange={(event) =>
                  set({ participantNotes: { ...draft.participantNotes, [person.key]: event.target.value } })
                }
                readOnly={!canEdit}
                maxLength={4_000}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="debrief-lessons">Lessons for next time</label>
        <textarea
          id="debrief-lessons"
          value={draft.lessons}
          onChange={(event) => set({ lessons: event.target.value })}
          readOnly={!canEdit}
          maxLength={10_000}
          placeholder="What we will do differently."
        />
        <span className="hint">Shown at the top of the next attempt, so the team starts from them.</span>
      </div>
      {canEdit ? (
        <div className="debrief-actions">
          <button type="submit" className="button" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save debrief'}
          </button>
          {dirty && !saving ? (
            <button type="button" className="button button-secondary" onClick={discard}>
              Discard changes
            </button>
          ) : null}
          <SaveState state={state} />
        </div>
      ) : (
        <p className="muted small">
          You follow this board as a viewer: you can read the debrief but not change it. <SaveState state={state} />
        </p>
      )}
    </form>
  );
}
