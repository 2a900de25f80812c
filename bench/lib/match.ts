import type { EditLog } from '../load/edit-log';

export interface Matched {
  /** Send-to-arrival of each matched arrival, ms. */
  samples: Float64Array;
  /** When the edit of each sample was sent (wall clock, ms), parallel to `samples`. */
  sentAt: Float64Array;
  sent: number;
  arrivals: number;
}

/**
 * Joins the senders' logs with the receivers' logs on the edit key: one latency sample per
 * edit per receiver. Arrivals of edits sent outside the window (none were logged) are ignored.
 */
export function matchEdits(sends: EditLog[], arrivals: EditLog[]): Matched {
  const sentAt = new Map<number, number>();
  for (const log of sends) log.keys.forEach((key, i) => sentAt.set(key, log.at[i] ?? NaN));
  const samples: number[] = [];
  const sentTimes: number[] = [];
  for (const log of arrivals) {
    log.keys.forEach((key, i) => {
      const sent = sentAt.get(key);
      if (sent === undefined) return;
      samples.push((log.at[i] ?? NaN) - sent);
      sentTimes.push(sent);
    });
  }
  return {
    samples: Float64Array.from(samples),
    sentAt: Float64Array.from(sentTimes),
    sent: sentAt.size,
    arrivals: samples.length,
  };
}
