/**
 * Splits `items` (boards) over at most `processes` load generators in contiguous groups whose
 * sizes differ by at most one, none empty. A board's sockets stay in one process, so each
 * arrival is timed on the clock of the process that sent it; and no process holds more
 * sockets than it must, since each socket is a file descriptor under the process's limit.
 */
export function spreadOver<T>(items: T[], processes: number): T[][] {
  const groups = Math.max(1, Math.min(Math.floor(processes), items.length));
  const base = Math.floor(items.length / groups);
  const extra = items.length % groups;
  const out: T[][] = [];
  let at = 0;
  for (let g = 0; g < groups && at < items.length; g++) {
    const size = base + (g < extra ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
}
