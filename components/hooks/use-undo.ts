'use client';

import { useEffect, useState } from 'react';
import * as Y from 'yjs';

export interface UndoState {
  manager: Y.UndoManager | null;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Undo and redo of this person's own edits only: the manager tracks just `origin`, the marker
 * every local edit is made with, so the other people's edits and the server's are never undone.
 */
export function useUndo(
  doc: Y.Doc | null,
  scope: (doc: Y.Doc) => Y.AbstractType<unknown>[],
  origin: object,
): UndoState {
  const [state, setState] = useState<UndoState>({ manager: null, canUndo: false, canRedo: false });
  useEffect(() => {
    if (!doc) return;
    const manager = new Y.UndoManager(scope(doc), { trackedOrigins: new Set([origin]), captureTimeout: 600 });
    const update = () => setState({ manager, canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    update();
    manager.on('stack-item-added', update);
    manager.on('stack-item-popped', update);
    manager.on('stack-cleared', update);
    return () => {
      manager.destroy();
      setState({ manager: null, canUndo: false, canRedo: false });
    };
  }, [doc, scope, origin]);
  return state;
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo. Returns true when it handled the key. */
export function handleUndoKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  manager: Y.UndoManager | null,
): boolean {
  if (!manager || !(event.ctrlKey || event.metaKey) || event.altKey) return false;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    manager.undo();
    return true;
  }
  if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
    manager.redo();
    return true;
  }
  return false;
}
