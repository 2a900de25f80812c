/**
 * Visits a snapshot of `items`, `perTurn` at a time, yielding the event loop between slices.
 * A periodic sweep over thousands of sockets (the heartbeat) would otherwise hold the loop for
 * tens of milliseconds at once, and every room's messages would wait behind it.
 */
export async function inSlices<T>(items: Iterable<T>, perTurn: number, visit: (item: T) => void): Promise<void> {
  const snapshot = [...items];
  for (let start = 0; start < snapshot.length; start += perTurn) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const item of snapshot.slice(start, start + perTurn)) visit(item);
  }
}
