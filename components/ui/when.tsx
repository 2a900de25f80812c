'use client';

import { fullMoment, shortMoment } from './dates';

/**
 * A moment in the reader's own time zone. The server renders it in its own, so the browser's
 * text may differ from the first render: that difference is expected, not a mismatch to report.
 */
export function When({ ms }: { ms: number }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={fullMoment(ms)} suppressHydrationWarning>
      {shortMoment(ms)}
    </time>
  );
}
