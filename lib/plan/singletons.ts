import type * as Y from 'yjs';
import { type Scalar, type SingletonName, singletonTextName } from './schema';

/** A singleton section's free-text field: a top-level Y.Text (see schema.ts for why). */
export function singletonText(doc: Y.Doc, section: SingletonName, field: string): Y.Text {
  return doc.getText(singletonTextName(section, field));
}

/** A singleton section's scalar fields: one top-level Y.Map per section. */
export function singletonMap(doc: Y.Doc, section: SingletonName): Y.Map<unknown> {
  return doc.getMap<unknown>(section);
}

export function singletonValue<T extends Scalar>(doc: Y.Doc, section: SingletonName, field: string, fallback: T): T {
  const value = singletonMap(doc, section).get(field);
  return typeof value === typeof fallback ? (value as T) : fallback;
}

export function setSingletonValue(
  doc: Y.Doc,
  section: SingletonName,
  field: string,
  value: Scalar,
  origin: unknown = null,
): void {
  const map = singletonMap(doc, section);
  if (map.get(field) === value) return;
  doc.transact(() => map.set(field, value), origin);
}
