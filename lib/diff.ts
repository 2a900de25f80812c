import { type ArrayChange, diffArrays } from 'diff';
import { LIST_SPECS, type ListName, type Scalar, SINGLETON_SPECS, type SingletonName } from './plan/schema';
import type { PlanJSON } from './plan/to-json';

/**
 * Comparing two states of a document for the history and review pages: a word-level diff for
 * text, and per section, list items added, removed and changed (matched by their stable ids).
 * Pure functions over plain JSON; nothing here touches Yjs, so the browser can use it as is.
 */

export type SegmentKind = 'same' | 'added' | 'removed';
export interface Segment {
  kind: SegmentKind;
  text: string;
}

/** Words (letters, digits, apostrophes, hyphens), runs of whitespace, and single other characters. */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}'’_-]+|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Above this many tokens added plus removed (after the common start and end are cut off), the
 * middle is shown as replaced whole: a field rewritten from top to bottom reads no better word by
 * word, and Myers' diff costs about the square of that count (some 50 ms at 1,000). A bound on
 * edits rather than jsdiff's `timeout` keeps the result the same on a busy machine.
 */
const MAX_EDIT_LENGTH = 1_000;

/** Myers' diff of two token lists (jsdiff); undefined when more than MAX_EDIT_LENGTH tokens differ. */
function diffTokens(a: string[], b: string[]): ArrayChange<string>[] | undefined {
  return diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
}

/** The middle of a word diff, as same/added/removed runs in order. */
function diffMiddle(a: string[], b: string[]): Segment[] {
  if (a.length === 0) return b.length === 0 ? [] : [{ kind: 'added', text: b.join('') }];
  if (b.length === 0) return [{ kind: 'removed', text: a.join('') }];
  const changes = diffTokens(a, b);
  if (!changes)
    return [
      { kind: 'removed', text: a.join('') },
      { kind: 'added', text: b.join('') },
    ];
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value.join(''),
  }));
}

/** Joins neighbours of the same kind and drops empty segments. */
function merge(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    if (!segment.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === segment.kind) last.text += segment.text;
    else out.push({ ...segment });
  }
  return out;
}

const isSpace = (segment: Segment | undefined) => segment?.kind === 'same' && /^\s+$/.test(segment.text);

/**
 * "the cat" → "a dog" matches the space between the words, which reads as four changes
 * (-the +a, -cat +dog). Where a run of changes separated only by unchanged whitespace has both
 * removals and additions, it is shown as one removal followed by one addition, so a reader sees
 * the old phrase and the new one. Each side's text is unchanged by this.
 */
function readable(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let index = 0;
  while (index < segments.length) {
    const segment = segments[index] as Segment;
    if (segment.kind === 'same') {
      out.push(segment);
      index++;
      continue;
    }
    // A run: changes, possibly with whitespace between them (never at either end).
    let end = index + 1;
    while (end < segments.length) {
      const next = segments[end];
      if (next?.kind !== 'same') end++;
      else if (isSpace(next) && segments[end + 1] && segments[end + 1]?.kind !== 'same') end += 2;
      else break;
    }
    const run = segments.slice(index, end);
    const hasRemoved = run.some((s) => s.kind === 'removed');
    const hasAdded = run.some((s) => s.kind === 'added');
    if (hasRemoved && hasAdded) {
      const removed = run
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join('');
      const added = run
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join('');
      out.push({ kind: 'removed', text: removed }, { kind: 'added', text: added });
    } else {
      out.push(...run);
    }
    index = end;
  }
  return merge(out);
}

/**
 * A word-level diff of two texts. Joining the `same` and `removed` segments in order gives `a`;
 * joining `same` and `added` gives `b`.
 */
export function diffWords(a: string, b: string): Segment[] {
  if (a === b) return a ? [{ kind: 'same', text: a }] : [];
  const left = tokenize(a);
  const right = tokenize(b);
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let end = 0;
  while (
    end < left.length - start &&
    end < right.length - start &&
    left[left.length - 1 - end] === right[right.length - 1 - end]
  )
    end++;
  const segments: Segment[] = [
    { kind: 'same', text: left.slice(0, start).join('') },
    ...diffMiddle(left.slice(start, left.length - end), right.slice(start, right.length - end)),
    { kind: 'same', text: left.slice(left.length - end).join('') },
  ];
  return readable(merge(segments));
}

/** The text one side of a diff had: `before` (same + removed) or `after` (same + added). */
export function sideText(segments: readonly Segment[], side: 'before' | 'after'): string {
  const skip: SegmentKind = side === 'before' ? 'added' : 'removed';
  return segments
    .filter((s) => s.kind !== skip)
    .map((s) => s.text)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Structured comparison

export type FieldChange =
  | { field: string; kind: 'text'; before: string; after: string; segments: Segment[] }
  | { field: string; kind: 'value'; before: Scalar; after: Scalar }
  | { field: string; kind: 'set'; added: string[]; removed: string[] };

/** Any list item or singleton section, read generically (PlanJSON's own types are per list). */
export type Fields = Readonly<Record<string, unknown>>;

export interface ItemChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  before: Fields | null;
  after: Fields | null;
  /** For `changed`: the fields that differ. For added and removed items: empty. */
  fields: FieldChange[];
  /** The item kept its content but changed place relative to the others (e.g. speaking order). */
  moved: boolean;
}

export type PartChanges =
  | { part: ListName; kind: 'list'; items: ItemChange[] }
  | { part: SingletonName; kind: 'fields'; fields: FieldChange[] };

export type PlanPart = ListName | SingletonName;

/** The parts of a plan in the order the board shows them (escort sits with treatment). */
export const PLAN_PARTS: readonly PlanPart[] = [
  'approach',
  'team',
  'bottomLines',
  'contingencies',
  'objections',
  'treatment',
  'escort',
  'logistics',
  'safety',
  'questions',
];

export function isListPart(part: PlanPart): part is ListName {
  return part in LIST_SPECS;
}

function text(fields: Fields | null, field: string): string {
  const value = fields?.[field];
  return typeof value === 'string' ? value : '';
}

function set(fields: Fields | null, field: string): string[] {
  const value = fields?.[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function scalar(fields: Fields | null, field: string, fallback: Scalar): Scalar {
  const value = fields?.[field];
  return typeof value === 'string' || typeof value === 'boolean' ? value : fallback;
}

/** Text fields that differ, each with its word diff. */
export function diffTextFields(a: Fields | null, b: Fields | null, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const before = text(a, field);
    const after = text(b, field);
    if (before !== after) out.push({ field, kind: 'text', before, after, segments: diffWords(before, after) });
  }
  return out;
}

function diffFields(
  a: Fields,
  b: Fields,
  spec: { text: readonly string[]; sets?: readonly string[]; values: Readonly<Record<string, Scalar>> },
): FieldChange[] {
  const out = diffTextFields(a, b, spec.text);
  for (const field of spec.sets ?? []) {
    const before = new Set(set(a, field));
    const after = new Set(set(b, field));
    const added = [...after].filter((v) => !before.has(v)).sort();
    const removed = [...before].filter((v) => !after.has(v)).sort();
    if (added.length || removed.length) out.push({ field, kind: 'set', added, removed });
  }
  for (const [field, fallback] of Object.entries(spec.values)) {
    const before = scalar(a, field, fallback);
    const after = scalar(b, field, fallback);
    if (before !== after) out.push({ field, kind: 'value', before, after });
  }
  return out;
}

/** Ids of `b`'s items that changed place among the items both sides have. */
function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const common = new Set(before.filter((id) => after.includes(id)));
  const a = before.filter((id) => common.has(id));
  const b = after.filter((id) => common.has(id));
  // Items outside the longest common subsequence are the ones that moved (all of them past the bound).
  const kept = new Set(
    (diffTokens(a, b) ?? []).filter((change) => !change.added && !change.removed).flatMap((change) => change.value),
  );
  return new Set(a.filter((id) => !kept.has(id)));
}

function idOf(item: Fields): string {
  return text(item, 'id');
}

export function diffList(list: ListName, a: readonly Fields[], b: readonly Fields[]): ItemChange[] {
  const spec = LIST_SPECS[list];
  const before = new Map(a.map((item) => [idOf(item), item]));
  const after = new Map(b.map((item) => [idOf(item), item]));
  const moved = movedIds([...before.keys()], [...after.keys()]);
  // Removed items are shown where they used to be: after the closest earlier item that is still
  // there ('' for the start of the list), so a reader sees them in context.
  const removedAfter = new Map<string, ItemChange[]>();
  let anchor = '';
  for (const item of a) {
    const id = idOf(item);
    if (after.has(id)) {
      anchor = id;
      continue;
    }
    const group = removedAfter.get(anchor) ?? [];
    group.push({ id, kind: 'removed', before: item, after: null, fields: [], moved: false });
    removedAfter.set(anchor, group);
  }
  const out: ItemChange[] = [...(removedAfter.get('') ?? [])];
  for (const item of b) {
    const id = idOf(item);
    const old = before.get(id);
    if (!old) {
      out.push({ id, kind: 'added', before: null, after: item, fields: [], moved: false });
    } else {
      const fields = diffFields(old, item, spec);
      if (fields.length || moved.has(id))
        out.push({ id, kind: 'changed', before: old, after: item, fields, moved: moved.has(id) });
    }
    out.push(...(removedAfter.get(id) ?? []));
  }
  return out;
}

/** What changed from plan `a` to plan `b`, per part, in board order; parts without changes are left out. */
export function diffPlan(a: PlanJSON, b: PlanJSON): PartChanges[] {
  const out: PartChanges[] = [];
  for (const part of PLAN_PARTS) {
    if (isListPart(part)) {
      const before: readonly Fields[] = a[part];
      const after: readonly Fields[] = b[part];
      const items = diffList(part, before, after);
      if (items.length) out.push({ part, kind: 'list', items });
    } else {
      const before: Fields = a[part];
      const after: Fields = b[part];
      const fields = diffFields(before, after, SINGLETON_SPECS[part]);
      if (fields.length) out.push({ part, kind: 'fields', fields });
    }
  }
  return out;
}

/** Counts for a one-line summary ("3 added, 1 removed, 2 changed"). */
export function summarise(changes: readonly PartChanges[]): { added: number; removed: number; changed: number } {
  const total = { added: 0, removed: 0, changed: 0 };
  for (const change of changes) {
    if (change.kind === 'fields') {
      total.changed += change.fields.length;
      continue;
    }
    for (const item of change.items) total[item.kind] += 1;
  }
  return total;
}
