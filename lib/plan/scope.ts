import type * as Y from 'yjs';
import { listMap } from './lists';
import { LIST_NAMES, SINGLETON_SPECS, type SingletonName } from './schema';
import { singletonMap, singletonText } from './singletons';

/** Every top-level type that holds plan content, e.g. the scope of an UndoManager. */
export function planTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const types: Y.AbstractType<unknown>[] = LIST_NAMES.map((list) => listMap(doc, list) as Y.AbstractType<unknown>);
  for (const section of Object.keys(SINGLETON_SPECS) as SingletonName[]) {
    types.push(singletonMap(doc, section) as Y.AbstractType<unknown>);
    for (const field of SINGLETON_SPECS[section].text)
      types.push(singletonText(doc, section, field) as Y.AbstractType<unknown>);
  }
  return types;
}
