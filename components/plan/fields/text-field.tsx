'use client';

import {
  type ChangeEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useSyncExternalStore,
} from 'react';
import type * as Y from 'yjs';
import { applyTextChange, transformIndex } from '@/lib/plan/text-diff';
import { useEdit } from '../edit-context';
import { handleUndoKey } from '../../hooks/use-undo';
import { usePersonColour } from '../../board/people-colours';
import { FieldPresence, peersIn } from './field-presence';
import { ReadValue } from './read-value';

interface TextFieldProps {
  text: Y.Text | null;
  /** Awareness key (see fieldKey): others see a name tag on this field while you are in it. */
  field: string;
  label: string;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  /** One line of text that wraps instead of being cut off (a card's title on a phone). */
  wrap?: boolean;
  /** Visually hidden label (a heading already names the field), still read by screen readers. */
  hideLabel?: boolean;
  /** Read-only even when the document is writable (e.g. someone else's question). */
  locked?: boolean;
  className?: string;
  testId?: string;
  /** Called when the person leaves the field, with its text (e.g. to tell others a question was asked). */
  onCommit?(value: string): void;
}

/**
 * An input or textarea bound to a Y.Text: each keystroke becomes a minimal splice, so two
 * people typing in one field merge character by character, and someone else's typing moves
 * your caret along instead of throwing it to the end.
 */
export function TextField(props: TextFieldProps) {
  const { text, field, label, hint, placeholder, multiline, wrap, hideLabel, locked, className, testId, onCommit } =
    props;
  const { readOnly, origin, undo, peers, setFocus } = useEdit();
  const id = useId();
  const ref = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  useEffect(() => {
    if (!text) return;
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = text.toString();
      const element = ref.current;
      // Written to the input at once, not at React's next render: a keystroke in between would
      // otherwise be diffed against a stale value and undo the other person's typing.
      if (element && element.value !== next) {
        const focused = document.activeElement === element && transaction.origin !== origin;
        // The delta is only readable inside the observer.
        const start = focused ? transformIndex(element.selectionStart ?? 0, event.delta) : 0;
        const end = focused ? transformIndex(element.selectionEnd ?? 0, event.delta) : 0;
        element.value = next;
        if (focused) element.setSelectionRange(start, end);
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text, origin]);

  // The Y.Text is the store: React re-renders from it on every change, whoever made it. Its
  // observer is added after the one above, which moves the caret first.
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!text) return () => undefined;
      text.observe(onChange);
      return () => text.unobserve(onChange);
    },
    [text],
  );
  const value = useSyncExternalStore(
    subscribe,
    () => text?.toString() ?? '',
    () => '',
  );
  useEffect(() => {
    // A title grows with its text by CSS (field-sizing); where a browser cannot, by its height.
    const element = ref.current;
    if (!wrap || !element || CSS.supports('field-sizing', 'content')) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [wrap, value]);

  const disabled = readOnly || locked || !text;
  const editors = peersIn(peers, field);
  const colourOf = usePersonColour();
  const editorColour = editors[0] ? colourOf(editors[0].user.userId) : null;
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value,
    placeholder,
    readOnly: disabled,
    'aria-describedby': hintId,
    'data-testid': testId,
    'data-field': field,
    // Someone else is here: their colour on the box, their name on the tag above it.
    style: editorColour ? { borderColor: editorColour, boxShadow: `0 0 0 1px ${editorColour}` } : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (!text || disabled) return;
      applyTextChange(text, event.target.value, event.target.selectionEnd ?? undefined, origin);
    },
    onKeyDown: (event: KeyboardEvent) => {
      // Native undo would fight the shared text; Yjs undoes only this person's own edits.
      if (!disabled && handleUndoKey(event, undo)) event.preventDefault();
      // A title wraps like text but stays one line.
      if (wrap && event.key === 'Enter') event.preventDefault();
    },
    onFocus: () => setFocus(field),
    onBlur: () => {
      setFocus(null);
      if (!readOnly && !locked && text) onCommit?.(text.toString());
      undo?.stopCapturing();
    },
  };
  if (readOnly) {
    return (
      <ReadValue
        label={label}
        multiline={multiline}
        hideLabel={hideLabel}
        className={className}
        testId={testId}
        field={field}
      >
        {value.trim()}
      </ReadValue>
    );
  }
  return (
    <div className={`plan-field${editors.length ? ' is-shared' : ''}${className ? ` ${className}` : ''}`}>
      <div className="plan-field-head">
        <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
          {label}
        </label>
        <FieldPresence peers={editors} />
      </div>
      {multiline || wrap ? (
        <textarea ref={(el) => void (ref.current = el)} rows={wrap ? 1 : 2} {...common} />
      ) : (
        <input ref={(el) => void (ref.current = el)} type="text" autoComplete="off" {...common} />
      )}
      {hint ? (
        <p id={hintId} className="plan-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
