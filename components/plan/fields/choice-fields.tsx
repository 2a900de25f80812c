'use client';

import { useId } from 'react';
import { calendarDay, clockTime } from '../../ui/dates';
import { useEdit } from '../edit-context';
import { ReadValue } from './read-value';

interface Option<T extends string> {
  value: T;
  label: string;
}

/** A select bound to a scalar field (last writer wins). */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange(value: T): void;
  hint?: string;
  testId?: string;
}) {
  const { readOnly } = useEdit();
  const id = useId();
  if (readOnly)
    return (
      <ReadValue label={props.label} testId={props.testId}>
        {props.options.find((option) => option.value === props.value)?.label ?? ''}
      </ReadValue>
    );
  return (
    <div className="plan-field">
      <div className="plan-field-head">
        <label htmlFor={id}>{props.label}</label>
      </div>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = props.options.find((option) => option.value === event.target.value);
          if (next) props.onChange(next.value);
        }}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p id={`${id}-hint`} className="plan-hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  testId?: string;
}) {
  const { readOnly } = useEdit();
  const id = useId();
  if (readOnly)
    return (
      <ReadValue label={props.label} testId={props.testId}>
        {props.checked ? 'Yes' : 'No'}
      </ReadValue>
    );
  return (
    <div className="plan-check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        data-testid={props.testId}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {props.label}
        {props.hint ? (
          <span id={`${id}-hint`} className="plan-hint">
            {' '}
            {props.hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/** A date or time input bound to a scalar field. */
export function DateField(props: {
  label: string;
  type: 'date' | 'time';
  value: string;
  onChange(value: string): void;
  hint?: string;
  testId?: string;
}) {
  const { readOnly } = useEdit();
  const id = useId();
  const inWords = props.type === 'date' ? calendarDay(props.value) : clockTime(props.value);
  if (readOnly)
    return (
      <ReadValue label={props.label} testId={props.testId}>
        {inWords}
      </ReadValue>
    );
  return (
    <div className="plan-field">
      <div className="plan-field-head">
        <label htmlFor={id}>{props.label}</label>
      </div>
      <input
        id={id}
        type={props.type}
        value={props.value}
        data-testid={props.testId}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {/* The input shows a day in the browser's own way (12/06/2026 is June or December?): in words as well. */}
      {props.type === 'date' && props.value ? (
        <p className="plan-hint" data-testid="date-in-words">
          {inWords}
        </p>
      ) : null}
      {props.hint ? (
        <p id={`${id}-hint`} className="plan-hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** Radio buttons in a fieldset, bound to a scalar field. */
export function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly (Option<T> & { hint?: string })[];
  onChange(value: T): void;
}) {
  const { readOnly } = useEdit();
  const id = useId();
  if (readOnly)
    return (
      <ReadValue label={props.legend}>
        {props.options.find((option) => option.value === props.value)?.label ?? ''}
      </ReadValue>
    );
  return (
    <fieldset className="plan-fieldset">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <div key={option.value} className="plan-radio">
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={`${id}-${props.name}`}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>
            <strong>{option.label}</strong>
            {option.hint ? <span className="plan-hint"> {option.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
