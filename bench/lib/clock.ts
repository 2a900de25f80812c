/**
 * Wall-clock milliseconds with sub-millisecond resolution. Load generators run in separate
 * processes on one machine: performance.now() alone is per process, Date.now() is too coarse,
 * and timeOrigin + now() is the same clock everywhere on the host.
 */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}
