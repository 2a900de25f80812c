'use client';

import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Peer } from '../hooks/use-peers';

/** What a field needs to edit one document: the doc, whether it may, and who else is there. */
export interface EditContextValue {
  doc: Y.Doc;
  readOnly: boolean;
  /** The transaction origin of this person's edits; only these are undone by their undo. */
  origin: object;
  undo: Y.UndoManager | null;
  peers: Peer[];
  /** Tells the others (awareness) which field this person is in. */
  setFocus(field: string | null): void;
}

const EditContext = createContext<EditContextValue | null>(null);

export const EditProvider = EditContext.Provider;

export function useEdit(): EditContextValue {
  const value = useContext(EditContext);
  if (!value) throw new Error('useEdit outside an EditProvider');
  return value;
}

/** Key naming a field in awareness: `<section>:<item id or "-">:<field>`. */
export function fieldKey(section: string, itemId: string | null, field: string): string {
  return `${section}:${itemId ?? '-'}:${field}`;
}
