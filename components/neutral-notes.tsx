import type { ReactNode } from 'react';

/**
 * What stands in for the app when it is hidden: an empty notes page like any other app's, with
 * nothing of Harbor or a board on it. The cover (quick-hide.tsx) and the neutral page at its
 * address look the same, so the switch from one to the other shows nothing.
 */
export function NeutralNotes({ footer }: { footer?: ReactNode }) {
  return (
    <div className="neutral-notes">
      <p className="neutral-notes-title">Notes</p>
      <div className="neutral-notes-body">No notes</div>
      {footer ? <div className="neutral-notes-footer">{footer}</div> : null}
    </div>
  );
}
