/**
 * Providers reconnect forever: one that a failed test leaves open keeps its file's process alive,
 * and the whole run hangs instead of reporting the failure. Helpers register what they open here;
 * a file's `after` hook (through the server's dispose) destroys whatever is left.
 */
interface Destroyable {
  destroy(): void;
}

const leftovers = new Set<Destroyable>();

/** Registers `thing` to be destroyed after the file's tests; destroying twice must be harmless. */
export function destroyWhenDone<T extends Destroyable>(thing: T): T {
  leftovers.add(thing);
  return thing;
}

export function destroyLeftovers(): void {
  for (const thing of leftovers) thing.destroy();
  leftovers.clear();
}
