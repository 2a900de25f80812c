'use client';

import { useState } from 'react';
import type { RunAction } from '@/lib/schemas/run';

/** A relative tells the interventionist, and nobody else, that they need to step out. */
export function StepOutButton({
  move,
  disabled,
}: {
  move(action: RunAction, label?: string): Promise<boolean>;
  disabled: boolean;
}) {
  const [sent, setSent] = useState(false);
  return (
    <div className="run-step-out">
      <button
        type="button"
        className="button button-secondary"
        disabled={disabled}
        onClick={() => void move({ type: 'step-out' }, 'step-out').then(setSent)}
      >
        I need to step out
      </button>
      <p className="muted small" role="status">
        {sent ? 'Sent to the interventionist only.' : 'Only the interventionist sees this.'}
      </p>
    </div>
  );
}
