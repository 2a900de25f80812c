import { type Editor, getTextSerializersFromSchema } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import * as Y from 'yjs';
import type { ToneRewrite } from '@/lib/tone';
import { type EditorTextOptions, rewriteRange } from '@/lib/tone/text/editor-offsets';

/** Paragraphs apart by a blank line, as the checker reads a letter (its offsets count these). */
const BLOCK_SEPARATOR = '\n\n';

function textOptions(editor: Editor): EditorTextOptions {
  return { blockSeparator: BLOCK_SEPARATOR, textSerializers: getTextSerializersFromSchema(editor.schema) };
}

/** The letter's text as the tone checker reads it; a rewrite's offsets are into this string. */
export function letterText(editor: Editor): string {
  return editor.getText({ blockSeparator: BLOCK_SEPARATOR });
}

/**
 * The collaborative undo manager Tiptap's Collaboration extension keeps in a plugin's state. It
 * is found by what the state holds because its plugin key is not exported by the packages this
 * project depends on.
 */
function undoManagerOf(state: EditorState): Y.UndoManager | null {
  for (const plugin of state.plugins) {
    const value: unknown = plugin.getState(state);
    if (typeof value === 'object' && value !== null && 'undoManager' in value) {
      if (value.undoManager instanceof Y.UndoManager) return value.undoManager;
    }
  }
  return null;
}

/**
 * Accepts a one-tap rewrite in one transaction (it syncs like typing), kept apart from the typing
 * around it so that one undo puts back exactly what it replaced. Returns false, changing nothing,
 * when the letter no longer reads `replaces` there (someone edited it meanwhile).
 */
export function acceptRewrite(editor: Editor, rewrite: ToneRewrite): boolean {
  const range = rewriteRange(editor.state.doc, rewrite, textOptions(editor));
  if (!range) return false;
  const undo = undoManagerOf(editor.state);
  undo?.stopCapturing();
  editor.view.dispatch(editor.state.tr.insertText(rewrite.text, range.from, range.to));
  undo?.stopCapturing();
  return true;
}
