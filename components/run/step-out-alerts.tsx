'use client';

import { useState } from 'react';
import type { StepOutView } from '@/lib/run/types';

/** Requests to step out, shown to the interventionist only, until acknowledged on this screen. */
export function StepOutAlerts({ stepOuts, timeOf }: { stepOuts: StepOutView[]; timeOf(at: number): string }) {
  const [seen, setSeen] = useState(0);
  const waiting = stepOuts.filter((s) => s.seq > seen);
  if (waiting.length === 0) return null;
  return (
    <div className="run-signal run-signal-step-out" role="alert" data-testid="run-step-out-alert">
      {waiting.map((request) => (
        <p key={request.seq} className="run-signal-text">
          {request.name} needs to step out ({timeOf(request.at)})
        </p>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => setSeen(Math.max(...waiting.map((s) => s.seq)))}
      >
        Seen
      </button>
    </div>
  );
}
