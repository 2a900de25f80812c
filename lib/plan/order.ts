/**
 * Fractional order keys: strings that sort (plain `<` on ASCII) in list order, so that moving one
 * item rewrites one key instead of the list. Why keys rather than Y.Array delete-and-reinsert:
 * a moved Y.Map would have to be copied, so a relative typing in it at that moment would lose
 * their keystrokes (they land in the deleted copy), and two people moving the same person at
 * once would leave two copies. With a key per item, concurrent moves of one item resolve as
 * last-writer-wins on that one key and content edits are never touched.
 *
 * Keys are base-62 fractions without the leading "0.": "V" is 0.5; they never end in "0", so
 * there is always room between two different keys. Appending at the end grows keys by about one
 * character every six appends, which is nothing for lists of a few dozen items.
 */
export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function digitAt(key: string, index: number): number {
  const char = key[index];
  if (char === undefined) return 0;
  const value = DIGITS.indexOf(char);
  if (value < 0) throw new Error(`invalid order key: ${key}`);
  return value;
}

/** A key strictly between `a` and `b`; `a` = '' means the start, `b` = null the end. */
function midpoint(a: string, b: string | null): string {
  let prefix = '';
  let low = a;
  let high = b;
  // Walk past the digits both bounds share; the answer starts with them.
  if (high !== null) {
    let n = 0;
    while ((low[n] ?? '0') === high[n]) n++;
    prefix = high.slice(0, n);
    low = low.slice(n);
    high = high.slice(n);
  }
  const digitLow = low ? digitAt(low, 0) : 0;
  const digitHigh = high !== null ? digitAt(high, 0) : DIGITS.length;
  if (digitHigh - digitLow > 1) return prefix + (DIGITS[Math.round((digitLow + digitHigh) / 2)] ?? '');
  // Adjacent digits: take the upper bound's first digit when it has more digits after it...
  if (high !== null && high.length > 1) return prefix + high.slice(0, 1);
  // ...or keep the lower digit and find room after it.
  return prefix + (DIGITS[digitLow] ?? '') + midpoint(low.slice(1), null);
}

/** A key that sorts after `before` and before `after` (null: no bound on that side). */
export function keyBetween(before: string | null, after: string | null): string {
  const a = before ?? '';
  if (a.endsWith('0') || (after !== null && after.endsWith('0'))) throw new Error('order keys never end in 0');
  if (after !== null && a >= after) throw new Error(`no key between ${a} and ${after}`);
  return midpoint(a, after);
}

/** `count` increasing keys, e.g. for default content or re-keying a whole list. */
export function keysAfter(before: string | null, count: number): string[] {
  const keys: string[] = [];
  let last = before;
  for (let i = 0; i < count; i++) {
    last = keyBetween(last, null);
    keys.push(last);
  }
  return keys;
}

/** List order: by key, then by id, so that two items given one key concurrently still sort the same everywhere. */
export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
