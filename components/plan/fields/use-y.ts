'use client';

import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { type ItemRef, listItems, listMap } from '@/lib/plan/lists';
import type { ListName, SingletonName } from '@/lib/plan/schema';
import { singletonMap } from '@/lib/plan/singletons';

/**
 * Re-renders when a list changes in structure or in a scalar value (add, remove, move, a select
 * or a checkbox). Typing in an item's text does not re-render the list: each text field
 * listens to its own Y.Text, which keeps typing cheap on a phone.
 */
export function useList(doc: Y.Doc, list: ListName): ItemRef[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const map = listMap(doc, list);
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events.some((event) => !(event.target instanceof Y.Text))) setVersion((v) => v + 1);
    };
    map.observeDeep(onChange);
    return () => map.unobserveDeep(onChange);
  }, [doc, list]);
  // `version` is only the signal to read the items again from the document.
  return useMemo(() => (version >= 0 ? listItems(doc, list) : []), [doc, list, version]);
}

/** Re-renders on any change of a Y.Map's own keys (not of nested types). */
export function useMapVersion(map: Y.Map<unknown> | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!map) return;
    const onChange = () => setVersion((v) => v + 1);
    map.observe(onChange);
    return () => map.unobserve(onChange);
  }, [map]);
  return version;
}

/** A singleton section's scalar map, re-rendering on change. */
export function useSingleton(doc: Y.Doc, section: SingletonName): Y.Map<unknown> {
  const map = useMemo(() => singletonMap(doc, section), [doc, section]);
  useMapVersion(map);
  return map;
}

/** The current string of a Y.Text, re-rendering on change (for things derived from a text). */
export function useTextValue(text: Y.Text | null): string {
  const [value, setValue] = useState(() => text?.toString() ?? '');
  useEffect(() => {
    if (!text) return;
    const update = () => setValue(text.toString());
    update();
    text.observe(update);
    return () => text.unobserve(update);
  }, [text]);
  return value;
}
