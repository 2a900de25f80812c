import type { Cache } from 'swr';

/** Answers that never change stay cached for the page's lifetime; past this many, the oldest go. */
const MAX_KEPT = 200;
const keptBy = new WeakMap<Cache, Set<string>>();

/**
 * Counts an immutable answer (a document's state at a sequence number: the log is append-only)
 * just stored under `key`, and drops the oldest beyond the budget, so that scrubbing back and
 * forth costs nothing while a long session does not keep every state it ever showed.
 */
export function keepImmutable(cache: Cache, key: string): void {
  let kept = keptBy.get(cache);
  if (!kept) keptBy.set(cache, (kept = new Set()));
  kept.delete(key);
  kept.add(key);
  for (const oldest of kept) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(oldest);
    cache.delete(oldest);
  }
}
