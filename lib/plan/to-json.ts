import * as Y from 'yjs';
import { listItems } from './lists';
import {
  LIST_NAMES,
  LIST_SPECS,
  type ListName,
  type ListSetField,
  type ListTextField,
  type ListValues,
  META,
  type Scalar,
  SINGLETON_NAMES,
  SINGLETON_SPECS,
  type SingletonName,
  type SingletonTextField,
  type SingletonValues,
} from './schema';
import { singletonMap, singletonText } from './singletons';

export type ItemJSON<L extends ListName> = { id: string; order: string } & { [K in ListTextField<L>]: string } & {
  [K in ListSetField<L>]: string[];
} & ListValues<L>;

export type SingletonJSON<S extends SingletonName> = { [K in SingletonTextField<S>]: string } & SingletonValues<S>;

export type PlanJSON = {
  schema: number | null;
  initialised: boolean;
} & { [L in ListName]: ItemJSON<L>[] } & { [S in SingletonName]: SingletonJSON<S> };

function pickScalar(value: unknown, fallback: Scalar): Scalar {
  return typeof value === typeof fallback ? (value as Scalar) : fallback;
}

function itemToJSON(list: ListName, id: string, order: string, item: Y.Map<unknown>): Record<string, unknown> {
  const spec = LIST_SPECS[list];
  const out: Record<string, unknown> = { id, order };
  for (const field of spec.text) {
    const value = item.get(field);
    out[field] = value instanceof Y.Text ? value.toString() : '';
  }
  for (const field of spec.sets) {
    const value = item.get(field);
    out[field] = value instanceof Y.Map ? [...value.keys()].sort() : [];
  }
  for (const [field, fallback] of Object.entries<Scalar>(spec.values))
    out[field] = pickScalar(item.get(field), fallback);
  return out;
}

function singletonToJSON(doc: Y.Doc, section: SingletonName): Record<string, unknown> {
  const spec = SINGLETON_SPECS[section];
  const out: Record<string, unknown> = {};
  for (const field of spec.text) out[field] = singletonText(doc, section, field).toString();
  const map = singletonMap(doc, section);
  for (const [field, fallback] of Object.entries<Scalar>(spec.values))
    out[field] = pickScalar(map.get(field), fallback);
  return out;
}

/**
 * The plan as plain JSON, lists in their order, every field present (defaults for missing
 * ones): what the history and export features show. It reads only; it never writes the doc.
 */
export function planToJSON(doc: Y.Doc): PlanJSON {
  const meta = doc.getMap<unknown>(META);
  const schema = meta.get('schema');
  const out: Record<string, unknown> = {
    schema: typeof schema === 'number' ? schema : null,
    initialised: meta.get('initialised') === true,
  };
  for (const list of LIST_NAMES) {
    out[list] = listItems(doc, list).map((item) => itemToJSON(list, item.id, item.order, item.map));
  }
  for (const section of SINGLETON_NAMES) out[section] = singletonToJSON(doc, section);
  // Built field by field from the specs that also define PlanJSON's type.
  return out as PlanJSON;
}
