import { simpleDiffString, simpleDiffStringWithCursor } from 'lib0/diff';
import type * as Y from 'yjs';

/** One splice that turns a text into another: remove `remove` characters at `index`, then insert. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single splice from `prev` to `next`, as an <input> reports a keystroke or a paste
 * (the whole new value). `cursor` (the caret in `next` after the edit) settles ambiguous cases:
 * typing "a" at the start of "aa" is an insert at 0, not at 2, so that a relative typing later in
 * the same field keeps their place. Splices never cut a surrogate pair (emoji) in half (lib0 steps
 * back over one).
 */
export function diffText(prev: string, next: string, cursor?: number): TextSplice | null {
  if (prev === next) return null;
  if (cursor === undefined) return simpleDiffString(prev, next);
  // lib0 matches the common start only up to the position it is given, then the common end, then
  // what is left of the common start: where the edit could sit in several places, it sits there.
  // The caret is after what was typed, so the edit starts at the caret minus what the text grew by.
  return simpleDiffStringWithCursor(prev, next, Math.max(0, cursor - Math.max(0, next.length - prev.length)));
}

/** Applies `next` (an input's whole new value) to a Y.Text as one minimal splice. */
export function applyTextChange(text: Y.Text, next: string, cursor?: number, origin: unknown = null): void {
  const splice = diffText(text.toString(), next, cursor);
  if (!splice || !text.doc) return;
  text.doc.transact(() => {
    if (splice.remove > 0) text.delete(splice.index, splice.remove);
    if (splice.insert) text.insert(splice.index, splice.insert);
  }, origin);
}

/** A Y.Text change as Yjs reports it (YTextEvent.delta). */
export type TextDelta = readonly { insert?: unknown; delete?: number; retain?: number }[];

/**
 * Where a caret at `index` goes after a remote change, so that someone else's typing does not
 * throw your caret to the end of the field. Text inserted exactly at the caret goes after it.
 */
export function transformIndex(index: number, delta: TextDelta): number {
  // `position` walks the old text; inserts do not advance it, retains and deletes do.
  let position = 0;
  let result = index;
  for (const op of delta) {
    if (position >= index) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      result += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, index - position);
      position += op.delete;
    }
  }
  return result;
}
