import * as Y from 'yjs';
import type { DocName } from '../doc-names';
import { docToJSON } from './doc-json';
import { LIST_SPECS, SINGLETON_SPECS } from './schema';

/**
 * What a device holds of a document that the server does not: edits made offline or typed
 * while the server was already refusing them (docs/realtime.md, "Edits the server refused").
 * The server's document plus the device's copy, merged as Yjs merges them, is what the person
 * would have had; every text that differs from the server's is theirs to copy out.
 */
export interface UnsentText {
  /** Where it is, e.g. ['logistics', 'place'] or ['team', '<item id>', 'name'] or ['participantNotes', '<key>']. */
  path: string[];
  /** The item's title on the device, for list items (a team member's name). */
  itemTitle: string | null;
  /** The whole text as the device has it. */
  text: string;
}

export interface UnsentChanges {
  texts: UnsentText[];
  /** Ticks, choices and removed items that differ too: nothing to copy, but worth saying. */
  others: number;
}

/** Structure, not content: never shown as a change of its own. */
const STRUCTURE = new Set(['id', 'order', 'schema', 'initialised']);
/** Titles of list items, as the board names its cards. */
const TITLE_FIELDS = ['name', 'statement', 'title', 'objection', 'question'];

type Json = Record<string, unknown>;

function fieldsOf(specs: Record<string, { text: readonly string[] }>, name: string | undefined): readonly string[] {
  return name !== undefined && Object.hasOwn(specs, name) ? (specs[name]?.text ?? []) : [];
}

/** Whether a string at `path` is free text a person typed, rather than a choice (a date, a select). */
function textPredicate(name: DocName): (path: string[]) => boolean {
  switch (name.kind) {
    case 'plan':
      return (path) =>
        path.length === 3
          ? fieldsOf(LIST_SPECS, path[0]).includes(path[2] ?? '')
          : fieldsOf(SINGLETON_SPECS, path[0]).includes(path[1] ?? '');
    case 'debrief':
      return (path) => path[0] !== 'outcome';
    case 'letters':
    case 'notes':
      return () => true;
  }
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isItemList(value: unknown): value is Json[] {
  return Array.isArray(value) && value.every((item) => isRecord(item) && typeof item.id === 'string');
}

function titleOf(item: Json): string | null {
  for (const field of TITLE_FIELDS) {
    const value = item[field];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

interface Walk {
  isText(path: string[]): boolean;
  out: UnsentChanges;
}

function compare(walk: Walk, path: string[], before: unknown, after: unknown, itemTitle: string | null): void {
  const { out } = walk;
  if (typeof after === 'string') {
    if (after === (before ?? '')) return;
    if (after.trim() && walk.isText(path)) out.texts.push({ path, itemTitle, text: after });
    else out.others += 1;
    return;
  }
  if (isItemList(after) || isItemList(before)) {
    const olds = new Map((isItemList(before) ? before : []).map((item) => [item.id as string, item]));
    const news = isItemList(after) ? after : [];
    for (const item of news) {
      const id = item.id as string;
      compare(walk, [...path, id], olds.get(id) ?? {}, item, titleOf(item));
      olds.delete(id);
    }
    out.others += olds.size;
    return;
  }
  if (isRecord(after)) {
    const old = isRecord(before) ? before : {};
    for (const [key, value] of Object.entries(after)) {
      if (!STRUCTURE.has(key)) compare(walk, [...path, key], old[key], value, itemTitle);
    }
    for (const key of Object.keys(old)) if (!(key in after) && !STRUCTURE.has(key)) out.others += 1;
    return;
  }
  if (JSON.stringify(after) !== JSON.stringify(before ?? null)) out.others += 1;
}

/** The texts `device` holds beyond `server` (read only: neither document is changed). */
export function unsentChanges(name: DocName, server: Y.Doc, device: Y.Doc): UnsentChanges {
  const merged = new Y.Doc();
  try {
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(device));
    const out: UnsentChanges = { texts: [], others: 0 };
    compare({ isText: textPredicate(name), out }, [], docToJSON(name, server), docToJSON(name, merged), null);
    return out;
  } finally {
    merged.destroy();
  }
}

export function hasUnsent(changes: UnsentChanges): boolean {
  return changes.texts.length > 0 || changes.others > 0;
}
