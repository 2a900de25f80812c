import * as Y from 'yjs';
import { compareOrder, keyBetween, keysAfter } from './order';
import { LIST_SPECS, type ListName, type Scalar } from './schema';

/** One list item as read from the document: its id, its order key and its Y.Map. */
export interface ItemRef {
  id: string;
  order: string;
  map: Y.Map<unknown>;
}

export interface ItemInit {
  /** A fixed id (defaults); otherwise a random one. */
  id?: string;
  /** A fixed order key (defaults); otherwise after the last item. */
  order?: string;
  text?: Record<string, string>;
  values?: Record<string, Scalar>;
  sets?: Record<string, readonly string[]>;
}

/** 96 random bits; crypto.getRandomValues works in insecure contexts too, unlike randomUUID. */
export function newItemId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function listMap(doc: Y.Doc, list: ListName): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(list);
}

/** The items of a list in order. Entries that are not item maps (never written by us) are skipped. */
export function listItems(doc: Y.Doc, list: ListName): ItemRef[] {
  const items: ItemRef[] = [];
  listMap(doc, list).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const order = value.get('order');
    items.push({ id, order: typeof order === 'string' ? order : '', map: value });
  });
  return items.sort(compareOrder);
}

export function getItem(doc: Y.Doc, list: ListName, id: string): Y.Map<unknown> | null {
  const value = listMap(doc, list).get(id);
  return value instanceof Y.Map ? value : null;
}

export function itemText(item: Y.Map<unknown>, field: string): Y.Text | null {
  const value = item.get(field);
  return value instanceof Y.Text ? value : null;
}

export function itemSet(item: Y.Map<unknown>, field: string): Y.Map<unknown> | null {
  const value = item.get(field);
  return value instanceof Y.Map ? value : null;
}

export function itemValue<T extends Scalar>(item: Y.Map<unknown>, field: string, fallback: T): T {
  const value = item.get(field);
  return typeof value === typeof fallback ? (value as T) : fallback;
}

/**
 * Adds an item with every field of its list created at once (so no field is ever created
 * lazily by two people at the same time). Returns the new id.
 */
export function addItem(doc: Y.Doc, list: ListName, init: ItemInit = {}, origin: unknown = null): string {
  const spec = LIST_SPECS[list];
  const id = init.id ?? newItemId();
  doc.transact(() => {
    const items = listItems(doc, list);
    const item = new Y.Map<unknown>();
    item.set('id', id);
    item.set('order', init.order ?? keyBetween(items[items.length - 1]?.order || null, null));
    for (const field of spec.text) {
      const text = new Y.Text();
      const initial = init.text?.[field];
      if (initial) text.insert(0, initial);
      item.set(field, text);
    }
    for (const field of spec.sets) {
      const set = new Y.Map<unknown>();
      for (const value of init.sets?.[field] ?? []) set.set(value, true);
      item.set(field, set);
    }
    for (const [field, fallback] of Object.entries(spec.values)) {
      item.set(field, init.values?.[field] ?? fallback);
    }
    listMap(doc, list).set(id, item);
  }, origin);
  return id;
}

export function removeItem(doc: Y.Doc, list: ListName, id: string, origin: unknown = null): void {
  doc.transact(() => listMap(doc, list).delete(id), origin);
}

export function setItemValue(
  doc: Y.Doc,
  list: ListName,
  id: string,
  field: string,
  value: Scalar,
  origin: unknown = null,
): void {
  const item = getItem(doc, list, id);
  if (!item || item.get(field) === value) return;
  doc.transact(() => item.set(field, value), origin);
}

/** Ticks or unticks one value of a set field (e.g. one role). */
export function toggleInSet(
  doc: Y.Doc,
  list: ListName,
  id: string,
  field: string,
  value: string,
  on: boolean,
  origin: unknown = null,
): void {
  const item = getItem(doc, list, id);
  const set = item ? itemSet(item, field) : null;
  if (!set || set.has(value) === on) return;
  doc.transact(() => (on ? set.set(value, true) : set.delete(value)), origin);
}

/**
 * Moves item `id` to position `toIndex` of `within` (ids in their current order; default the
 * whole list), e.g. the speaking order, which leaves out people who stay home. Only the moved
 * item's key changes. When its new neighbours share a key (two people added items at the same
 * place at once), the whole list is re-keyed in the same transaction instead.
 */
export function moveItem(
  doc: Y.Doc,
  list: ListName,
  id: string,
  toIndex: number,
  origin: unknown = null,
  within?: string[],
): void {
  const all = listItems(doc, list);
  const byId = new Map(all.map((item) => [item.id, item]));
  const sequence = (within ?? all.map((item) => item.id)).filter((itemId) => byId.has(itemId));
  const from = sequence.indexOf(id);
  if (from < 0) return;
  const target = Math.max(0, Math.min(sequence.length - 1, toIndex));
  if (target === from) return;
  const rest = sequence.filter((itemId) => itemId !== id);
  const before = target > 0 ? byId.get(rest[target - 1] ?? '') : undefined;
  const after = byId.get(rest[target] ?? '');
  const low = before?.order || null;
  const high = after?.order || null;
  doc.transact(() => {
    if (low === null || high === null || low < high) {
      byId.get(id)?.map.set('order', keyBetween(low, high));
      return;
    }
    const full = all.map((item) => item.id).filter((itemId) => itemId !== id);
    const anchor = after ? full.indexOf(after.id) : full.length;
    full.splice(anchor, 0, id);
    keysAfter(null, full.length).forEach((key, index) => byId.get(full[index] ?? '')?.map.set('order', key));
  }, origin);
}

/** Moves an item one step up (-1) or down (+1) in `within` (default the whole list). */
export function moveItemBy(
  doc: Y.Doc,
  list: ListName,
  id: string,
  delta: number,
  origin: unknown = null,
  within?: string[],
): void {
  const sequence = within ?? listItems(doc, list).map((item) => item.id);
  const from = sequence.indexOf(id);
  if (from < 0) return;
  moveItem(doc, list, id, from + delta, origin, within);
}
