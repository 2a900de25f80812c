'use client';

import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { Confirmation } from '@/lib/records';
import type { ReadinessEntry } from '@/server/readiness/readiness';
import { useFollowing } from '../hooks/use-following';

const CHOICES: { value: Confirmation; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'unsure', label: 'Not sure yet' },
  { value: 'no', label: 'No' },
];

function ChoiceGroup({
  name,
  legend,
  value,
  onChange,
  disabled,
}: {
  name: string;
  legend: string;
  value: Confirmation | null;
  onChange(v: Confirmation): void;
  disabled: boolean;
}) {
  return (
    <fieldset className="choice-group" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="row">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A participant's own check-in: will they attend and, for someone who holds bottom lines (a
 * relative; the interventionist holds none), will they hold them.
 */
export function ReadinessCheckin({
  boardId,
  attempt,
  own,
  asksBottomLines,
  frozen,
  onSaved,
}: {
  boardId: string;
  attempt: number;
  own: ReadinessEntry | null;
  asksBottomLines: boolean;
  frozen: boolean;
  onSaved(): void;
}) {
  // What is on the server comes back into the form when it changes (saved from another tab).
  const [attending, setAttending] = useFollowing<Confirmation | null>(own?.attending ?? null);
  const [holding, setHolding] = useFollowing<Confirmation | null>(own?.holding ?? null);
  const [note, setNote] = useFollowing(own?.note ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!attending || (asksBottomLines && !holding)) {
      setError(
        asksBottomLines
          ? 'Answer both questions, even if the answer is "not sure yet".'
          : 'Say whether you will be there, even if the answer is "not sure yet".',
      );
      return;
    }
    setState('saving');
    setError(null);
    try {
      await api(`/api/boards/${boardId}/attempts/${attempt}/readiness`, {
        method: 'PUT',
        body: { attending, holding: asksBottomLines ? holding : null, note },
      });
      setState('saved');
      onSaved();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not save your check-in.');
      setState('idle');
    }
  }

  return (
    <form className="readiness-checkin stack" onSubmit={(e) => void onSubmit(e)} data-testid="readiness-checkin">
      <h3>Your check-in</h3>
      <p className="muted small">
        Only you and the interventionist see your answers. It is fine to be unsure: saying so early is what helps.
      </p>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <ChoiceGroup
        name="attending"
        legend="Will you be there on the day?"
        value={attending}
        onChange={setAttending}
        disabled={frozen}
      />
      {asksBottomLines ? (
        <ChoiceGroup
          name="holding"
          legend="Will you hold your bottom lines if they refuse?"
          value={holding}
          onChange={setHolding}
          disabled={frozen}
        />
      ) : null}
      <div className="field">
        <label htmlFor="readiness-note">Anything the interventionist should know (optional)</label>
        <textarea
          id="readiness-note"
          value={note}
          maxLength={2000}
          disabled={frozen}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={frozen || state === 'saving'}>
          {state === 'saving' ? 'Saving…' : 'Save my check-in'}
        </button>
        {state === 'saved' ? (
          <span className="muted small" role="status">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
