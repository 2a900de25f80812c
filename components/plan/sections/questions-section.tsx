'use client';

import Link from 'next/link';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ANSWER_MAX, QUESTION_MAX } from '@/lib/question-limits';
import type { QuestionView } from '@/server/questions/questions';
import { api, ApiError } from '../../browser/api';
import { shortMoment } from '../../ui/dates';
import { useBoard } from '../board-context';
import { useEdit } from '../edit-context';
import { useList } from '../fields/use-y';
import { Section, SectionHeader } from './parts';
import { questionsPath, useQuestions } from './use-questions';
import './questions.css';

function messageOf(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : 'That did not work. Check your connection and try again.';
}

/** Ctrl+Enter (⌘+Enter) sends, as in most messaging tools; Enter alone is a new line. */
function submitsOnKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** A text box with Send and Cancel, used to ask, reword and answer. */
function TextForm(props: {
  label: string;
  initial: string;
  max: number;
  submitLabel: string;
  busyLabel: string;
  onSubmit(text: string): Promise<void>;
  onCancel?(): void;
  allowEmpty?: boolean;
  testId: string;
}) {
  const { label, initial, max, submitLabel, busyLabel, onSubmit, onCancel, allowEmpty = false, testId } = props;
  const id = useId();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => area.current?.focus(), []);
  const unchanged = text.trim() === initial.trim();
  const empty = !text.trim() && !allowEmpty;
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || empty || unchanged) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim());
    } catch (caught) {
      // What they wrote stays in the box: nothing is lost by a failed request.
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="question-form" onSubmit={(event) => void submit(event)} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        value={text}
        maxLength={max}
        rows={3}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (submitsOnKey(event)) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape' && onCancel) {
            onCancel();
          }
        }}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <span id={`${id}-hint`} className="plan-hint">
        Ctrl+Enter sends.
      </span>
      {error ? (
        <p className="question-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button button-small" disabled={busy || empty || unchanged}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary button-small" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function QuestionCard(props: {
  question: QuestionView;
  mine: boolean;
  path: string;
  onChanged(): Promise<void>;
  onWithdrawn(question: QuestionView): void;
}) {
  const { question, mine, path, onChanged, onWithdrawn } = props;
  const [mode, setMode] = useState<'view' | 'edit' | 'answer'>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answered = question.answer.trim() !== '';
  const base = `${path}/${question.id}`;

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(base, { method: 'DELETE' });
      onWithdrawn(question);
      await onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="item-card question-card" data-testid="question" data-question={question.id}>
      <div className="question-head">
        <span className="muted small">
          Asked by {mine ? 'you' : question.askedBy.name} · {shortMoment(question.askedAt)}
          {question.editedAt ? ' · edited' : ''}
        </span>
        <span className={`badge ${answered ? 'question-answered' : 'question-open'}`} data-testid="question-state">
          {answered ? 'Answered' : 'Open'}
        </span>
      </div>
      {mode === 'edit' ? (
        <TextForm
          label="Your question"
          initial={question.question}
          max={QUESTION_MAX}
          submitLabel="Save question"
          busyLabel="Saving…"
          testId="edit-question"
          onCancel={() => setMode('view')}
          onSubmit={async (text) => {
            await api(base, { method: 'PATCH', body: { question: text } });
            await onChanged();
            setMode('view');
          }}
        />
      ) : (
        <p className="question-text" data-testid="question-text">
          {question.question}
        </p>
      )}
      {mode === 'answer' ? (
        <TextForm
          label="Your answer"
          initial={question.answer}
          max={ANSWER_MAX}
          submitLabel={answered ? 'Save answer' : 'Send answer'}
          busyLabel="Saving…"
          testId="answer-question"
          allowEmpty={answered}
          onCancel={() => setMode('view')}
          onSubmit={async (text) => {
            await api(`${base}/answer`, { method: 'PUT', body: { answer: text } });
            await onChanged();
            setMode('view');
          }}
        />
      ) : answered ? (
        <div className="question-answer" data-testid="question-answer">
          <p className="muted small">
            Answer from {question.answeredBy?.name ?? 'the interventionist'}
            {question.answeredAt ? ` · ${shortMoment(question.answeredAt)}` : ''}
          </p>
          <p>{question.answer}</p>
        </div>
      ) : (
        <p className="muted small">Waiting for an answer.</p>
      )}
      {error ? (
        <p className="question-error" role="alert">
          {error}
        </p>
      ) : null}
      {mode === 'view' && (question.can.answer || question.can.edit || question.can.withdraw) ? (
        <div className="row question-actions">
          {question.can.answer ? (
            <button type="button" className="button button-small" onClick={() => setMode('answer')}>
              {answered ? 'Edit the answer' : 'Answer'}
            </button>
          ) : null}
          {question.can.edit ? (
            <button type="button" className="button button-secondary button-small" onClick={() => setMode('edit')}>
              Edit
            </button>
          ) : null}
          {question.can.withdraw ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={() => void withdraw()}
            >
              {mine ? 'Withdraw' : 'Remove'}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/**
 * Questions to the interventionist: records, not part of the plan document, so that the server
 * decides who asked (the session), who may reword (only the asker), and who answers (only an
 * interventionist). The page only shows what the server listed and offers what it allows.
 */
export function QuestionsSection() {
  const { boardId, attempt, me, state } = useBoard();
  const { doc } = useEdit();
  // Questions kept in the plan document before they became records: readable in its history.
  const earlier = useList(doc, 'questions').length;
  const path = questionsPath(boardId, attempt);
  const list = useQuestions(boardId, attempt);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undo: QuestionView | null } | null>(null);
  const questions = list.data?.questions ?? [];
  const canAsk = list.data?.canAsk ?? false;
  const { revalidate } = list;

  const undoWithdraw = async (question: QuestionView) => {
    try {
      await api(`${path}/${question.id}/restore`, { method: 'POST' });
      setNotice({ text: 'Question restored.', undo: null });
      await revalidate();
    } catch (caught) {
      setNotice({ text: messageOf(caught), undo: null });
    }
  };

  return (
    <Section id="questions">
      <SectionHeader id="questions" title="Questions for the interventionist">
        <p>No question is too small. Ask here; your interventionist answers here, so everyone can read the answer.</p>
      </SectionHeader>
      {list.loading && !list.data ? (
        <p className="plan-loading" role="status">
          <span className="plan-spinner" aria-hidden="true" /> Loading the questions…
        </p>
      ) : list.error && !list.data ? (
        <div className="alert alert-error stack" role="alert">
          <span>The questions could not be loaded: {list.error}</span>
          <div>
            <button type="button" className="button button-secondary button-small" onClick={list.reload}>
              Try again
            </button>
          </div>
        </div>
      ) : questions.length === 0 ? (
        <p className="plan-empty">{canAsk ? 'No questions yet. Ask the first one below.' : 'No questions yet.'}</p>
      ) : (
        <ol className="item-list question-list">
          {questions.map((question) => (
            <QuestionCard
              key={question.id}
              question={question}
              mine={question.askedBy.userId === me.userId}
              path={path}
              onChanged={revalidate}
              onWithdrawn={(withdrawn) => setNotice({ text: 'Question withdrawn.', undo: withdrawn })}
            />
          ))}
        </ol>
      )}
      <div className="question-notice" aria-live="polite">
        {notice ? (
          <p className="small" data-testid="question-notice">
            {notice.text}{' '}
            {notice.undo ? (
              <button
                type="button"
                className="button-link"
                onClick={() => notice.undo && void undoWithdraw(notice.undo)}
              >
                Undo
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
      {canAsk ? (
        asking ? (
          <TextForm
            label="Your question"
            initial=""
            max={QUESTION_MAX}
            submitLabel="Send question"
            busyLabel="Sending…"
            testId="ask-question"
            onCancel={() => setAsking(false)}
            onSubmit={async (text) => {
              await api(path, { method: 'POST', body: { question: text } });
              setAsking(false);
              setNotice({ text: 'Your question was sent to the interventionist.', undo: null });
              await revalidate();
            }}
          />
        ) : (
          <button
            type="button"
            className="button button-secondary add-item"
            onClick={() => {
              setNotice(null);
              setAsking(true);
            }}
          >
            <span aria-hidden="true">+</span> Ask a question
          </button>
        )
      ) : list.data ? (
        <p className="muted small">
          {me.abilities.can['questions.ask']
            ? state === 'closed'
              ? 'This attempt is closed: its questions are kept for the review.'
              : 'The plan is frozen: questions can be asked again once the freeze is lifted.'
            : 'You follow this board as a viewer: you can read the questions and answers.'}
        </p>
      ) : null}
      {earlier > 0 ? (
        <p className="muted small" data-testid="earlier-questions">
          Questions written into the plan before they had their own place are kept in{' '}
          <Link href={`/boards/${boardId}/history`}>the plan’s history</Link>. Who wrote them there is shown by the
          history, not by the text.
        </p>
      ) : null}
    </Section>
  );
}
