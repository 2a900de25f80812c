import { type ReactNode, useId } from 'react';

/**
 * A field as a read-only plan shows it (to a viewer, in a frozen or closed attempt): its label
 * and its value as text, not a greyed-out box with a resize handle. Still a read-only textbox to
 * assistive technology, named by its label, so it reads as the field it is.
 */
export function ReadValue({
  label,
  children,
  multiline = false,
  hideLabel = false,
  className,
  testId,
  field,
}: {
  label: string;
  /** The value in words; empty shows that nothing was written yet. */
  children: ReactNode;
  multiline?: boolean;
  /** A heading already names the field: the label is for screen readers only. */
  hideLabel?: boolean;
  className?: string;
  testId?: string;
  field?: string;
}) {
  const id = useId();
  const empty = children === '' || children === null || children === undefined;
  return (
    <div className={`plan-field plan-read${className ? ` ${className}` : ''}`}>
      <div className="plan-field-head">
        <span id={id} className={hideLabel ? 'visually-hidden' : 'plan-read-label'}>
          {label}
        </span>
      </div>
      <div
        role="textbox"
        aria-readonly="true"
        aria-multiline={multiline ? 'true' : undefined}
        aria-labelledby={id}
        className={`plan-read-value${empty ? ' is-empty' : ''}`}
        data-testid={testId}
        data-field={field}
      >
        {empty ? 'Not filled in yet' : children}
      </div>
    </div>
  );
}
