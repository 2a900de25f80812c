'use client';

import type { RefObject } from 'react';

/**
 * The two buttons at the foot of a confirmation dialog: the safe choice first and focused (Enter
 * on a dialog that opened by mistake keeps things as they were), then the action.
 */
export function DialogActions(props: {
  dialog: RefObject<HTMLDialogElement | null>;
  busy: boolean;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  confirmTestId: string;
}) {
  const { dialog, busy, cancelLabel, confirmLabel, onConfirm, confirmTestId } = props;
  return (
    <div className="dialog-actions">
      <button
        type="button"
        className="button button-secondary"
        onClick={() => dialog.current?.close()}
        autoFocus
        disabled={busy}
      >
        {cancelLabel}
      </button>
      <button type="button" className="button" onClick={onConfirm} disabled={busy} data-testid={confirmTestId}>
        {confirmLabel}
      </button>
    </div>
  );
}
