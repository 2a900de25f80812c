import type * as Y from 'yjs';

/** One splice that turns a text into another: remove `remove` characters at `index`, then insert. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single splice from `prev` to `next`, as an <input> reports a keystroke or a paste
 * (the whole new value). `cursor` (the caret in `next` after the edit) settles ambiguous cases:
 * typing "a" at the start of "aa" is an insert at 0, not at 2, so that a relative typing later in
 * the same field keeps their place. Splices never cut a surrogate pair (emoji) in half.
 */
export function diffText(prev: string, next: string, cursor?: number): TextSplice | null {
  if (prev === next) return null;
  const shortest = Math.min(prev.length, next.length);
  let prefix = 0;
  while (prefix < shortest && prev.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  if (cursor !== undefined) prefix = Math.min(prefix, Math.max(0, cursor - Math.max(0, next.length - prev.length)));
  if (prefix > 0 && isHighSurrogate(prev.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(prev.charCodeAt(prev.length - suffix))) suffix--;
  return { index: prefix, remove: prev.length - prefix - suffix, insert: next.slice(prefix, next.length - suffix) };
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
