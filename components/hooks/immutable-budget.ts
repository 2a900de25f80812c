/** Answers that never change stay cached for the page's lifetime; past this many, the oldest go. */
export const MAX_KEPT = 200;

/**
 * Counts an immutable answer (a document's state at a sequence number: the log is append-only)
 * just stored under `id` in `kept` (oldest first), and drops the oldest beyond the budget, so
 * that scrubbing back and forth costs nothing while a long session does not keep every state it
 * ever showed. `drop` forgets one and says whether it could (not while it is on screen).
 */
export function keepImmutable(kept: Set<string>, id: string, drop: (id: string) => boolean): void {
  kept.delete(id);
  kept.add(id);
  for (const oldest of kept) {
    if (kept.size <= MAX_KEPT) break;
    if (drop(oldest)) kept.delete(oldest);
  }
}
