'use client';

import { useRef, useState } from 'react';
import type { ToneFlag, ToneReport, ToneRewrite } from '@/lib/tone';
import './letter-advice.css';

/** What accepting a rewrite did, and the letter's text right after (the note shows until it changes). */
export interface RewriteResult {
  accepted: boolean;
  letter: string;
}

type Note =
  | { kind: 'accepted'; id: number; flagId: string; replaced: string; by: string; letter: string }
  | { kind: 'moved'; id: number; letter: string };

interface LetterAdviceProps {
  report: ToneReport;
  /** The letter's current text, as checked. */
  text: string;
  /** Absent when the letter is read-only: the flags then explain, with nothing to tap. */
  onRewrite?: (rewrite: ToneRewrite) => RewriteResult;
  onUndo?: () => void;
  /** Shown open under a heading rather than folded away (the review queue sets them beside the letter). */
  standing?: boolean;
}

/** How long a focus request waits for its element: past it, a late render pulls no focus mid-typing. */
const FOCUS_REQUEST_MS = 1500;

/**
 * Focus for an element that a coming render shows (the note after a rewrite, the button back
 * after an undo). The request waits for the first render that holds the element, which need not
 * be the next one: the note shows once the letter's text has the rewrite, and that text may
 * arrive from the document a commit later. It is taken once, and lapses after FOCUS_REQUEST_MS,
 * so that a request left over never pulls focus later, mid-typing.
 */
function useFocusRequest(): { request(key: string): void; ref(key: string): (element: HTMLElement | null) => void } {
  const wanted = useRef<{ key: string; at: number } | null>(null);
  return {
    request: (key) => {
      wanted.current = { key, at: performance.now() };
    },
    ref: (key) => (element) => {
      const request = wanted.current;
      if (!element || request?.key !== key) return;
      wanted.current = null;
      if (performance.now() - request.at <= FOCUS_REQUEST_MS) element.focus();
    },
  };
}

/**
 * The tone checker's notes on one letter, each on its own card. Where the rewording is
 * mechanical the card offers it as a button that rewrites the phrase in the letter; a note then
 * says what changed, with an undo, and keyboard focus lands on it (and back on the card's button
 * after undoing), so the writer never loses their place.
 */
export function LetterAdvice({ report, text, onRewrite, onUndo, standing = false }: LetterAdviceProps) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const focus = useFocusRequest();
  const showing = note && note.letter === text ? note : null;
  const advice = report.flags.length > 0 || (report.wordCount > 0 && report.missing.length > 0);

  function accept(flag: ToneFlag, rewrite: ToneRewrite) {
    if (!onRewrite) return;
    const result = onRewrite(rewrite);
    const id = (note?.id ?? 0) + 1;
    setNote(
      result.accepted
        ? { kind: 'accepted', id, flagId: flag.id, replaced: rewrite.replaces, by: rewrite.text, letter: result.letter }
        : { kind: 'moved', id, letter: result.letter },
    );
    focus.request(`note-${id}`);
  }

  function undo(accepted: Extract<Note, { kind: 'accepted' }>) {
    focus.request(`rewrite-${accepted.flagId}`);
    onUndo?.();
  }

  const flags = (
    <ul className="tone-flags">
      {report.flags.map((flag) => (
        <li key={flag.id} className="tone-flag" data-testid="tone-flag" data-rule={flag.rule}>
          <p>
            <strong>“{flag.phrase}”</strong>: {flag.reason} {flag.suggestion}
          </p>
          {flag.rewrite && onRewrite ? (
            <RewriteButton
              rewrite={flag.rewrite}
              buttonRef={focus.ref(`rewrite-${flag.id}`)}
              onAccept={(rewrite) => accept(flag, rewrite)}
            />
          ) : null}
        </li>
      ))}
      {report.wordCount > 0
        ? report.missing.map((missing) => (
            <li key={missing.element} className="tone-missing">
              {missing.advice}
            </li>
          ))
        : null}
    </ul>
  );
  return (
    <>
      {showing ? (
        <p
          key={showing.id}
          ref={focus.ref(`note-${showing.id}`)}
          className={`tone-note tone-note-${showing.kind}`}
          role="status"
          tabIndex={-1}
          data-testid="rewrite-note"
        >
          {showing.kind === 'accepted' ? (
            <>
              <span>
                Changed “{showing.replaced}” to “{showing.by}”.
              </span>
              {onUndo ? (
                <button type="button" className="button-quiet" onClick={() => undo(showing)}>
                  Undo
                </button>
              ) : null}
            </>
          ) : (
            <span>
              That part of the letter changed just now, so nothing was replaced. The notes below are up to date.
            </span>
          )}
        </p>
      ) : null}
      {standing ? (
        <div className="letter-advice" data-testid="tone-notes">
          <h5 className="letter-advice-title">Tone notes</h5>
          {advice ? flags : <p className="muted small">No tone notes on this letter.</p>}
        </div>
      ) : advice ? (
        <details className="letter-advice" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>Suggestions for this letter</summary>
          {flags}
        </details>
      ) : null}
    </>
  );
}

function RewriteButton({
  rewrite,
  buttonRef,
  onAccept,
}: {
  rewrite: ToneRewrite;
  buttonRef(element: HTMLElement | null): void;
  onAccept(rewrite: ToneRewrite): void;
}) {
  return (
    <button
      type="button"
      ref={buttonRef}
      className="button button-secondary button-small tone-rewrite"
      data-testid="tone-rewrite"
      onClick={() => onAccept(rewrite)}
    >
      Use “{rewrite.text}”<span className="visually-hidden"> instead of “{rewrite.replaces}”</span>
    </button>
  );
}
