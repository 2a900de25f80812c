'use client';

import type { Debrief } from '@/lib/schemas/debrief';
import { debriefText, isNoteKey, noteText, setOutcome, setWentWrong } from '@/lib/plan/debrief';
import { useEdit, fieldKey } from '../plan/edit-context';
import { ReadValue } from '../plan/fields/read-value';
import { TextField } from '../plan/fields/text-field';
import { OUTCOME_LABEL, OUTCOMES, WENT_WRONG, WENT_WRONG_INFO } from './debrief-labels';
import type { Participant } from './participants';
import '../plan/plan.css';
import '../plan/fields/fields.css';

/**
 * The debrief of an attempt: outcome, what went wrong, what happened, a note per participant
 * and the lessons. Every field is part of the attempt's debrief document, so what one person
 * types reaches the others as they type and merges with theirs; the choices are shared too
 * (ticking two boxes at once keeps both). Family members and interventionists write it, viewers
 * read it (the edit context says which, as the server decided).
 */
export function DebriefForm({ debrief, participants }: { debrief: Debrief; participants: readonly Participant[] }) {
  const { doc, readOnly, origin } = useEdit();
  return (
    <div className="debrief-form stack" data-testid="debrief-form">
      {readOnly ? (
        // Read as a page, like a read-only plan: what was chosen, not greyed-out boxes.
        <>
          <ReadValue label="How did it end?" testId="debrief-outcome">
            {debrief.outcome ? OUTCOME_LABEL[debrief.outcome] : ''}
          </ReadValue>
          <ReadValue label="What went wrong" testId="debrief-went-wrong">
            {debrief.wentWrong.map((item) => WENT_WRONG_INFO[item].label).join(', ')}
          </ReadValue>
        </>
      ) : (
        <>
          <fieldset className="debrief-fieldset">
            <legend>How did it end?</legend>
            <div className="choice-grid">
              {OUTCOMES.map((outcome) => (
                <label key={outcome || 'none'} className="choice">
                  <input
                    type="radio"
                    name="outcome"
                    value={outcome}
                    checked={debrief.outcome === outcome}
                    onChange={() => setOutcome(doc, outcome, origin)}
                  />
                  <span>{OUTCOME_LABEL[outcome]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="debrief-fieldset">
            <legend>What went wrong</legend>
            <p className="hint">Tick all that happened. Each one points to something to prepare differently.</p>
            <div className="choice-list">
              {WENT_WRONG.map((item) => (
                <label key={item} className="choice choice-with-hint">
                  <input
                    type="checkbox"
                    checked={debrief.wentWrong.includes(item)}
                    onChange={(event) => setWentWrong(doc, item, event.target.checked, origin)}
                  />
                  <span>
                    <span className="choice-label">{WENT_WRONG_INFO[item].label}</span>
                    <span className="hint">{WENT_WRONG_INFO[item].next}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      <TextField
        text={debriefText(doc, 'details')}
        field={fieldKey('debrief', null, 'details')}
        label="What happened"
        placeholder="In a few sentences, in order."
        multiline
      />
      <fieldset className="debrief-fieldset">
        <legend>A note for each participant</legend>
        <p className="hint">
          How it went for each person, and whether their part should change next time. Everyone on the board can read
          these.
        </p>
        {participants.length === 0 ? <p className="muted small">No participants yet.</p> : null}
        <div className="participant-notes">
          {participants
            .filter((person) => isNoteKey(person.key))
            .map((person) => (
              <TextField
                key={person.key}
                text={noteText(doc, person.key)}
                field={fieldKey('debrief', person.key, 'note')}
                label={`${person.name} · ${person.detail}`}
                multiline
                className="note-input"
              />
            ))}
        </div>
      </fieldset>
      <TextField
        text={debriefText(doc, 'lessons')}
        field={fieldKey('debrief', null, 'lessons')}
        label="Lessons for next time"
        placeholder="What we will do differently."
        hint="Shown at the top of the next attempt, so the team starts from them."
        multiline
      />
    </div>
  );
}
