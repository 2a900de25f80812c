'use client';

import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { LetterField } from '@/lib/plan/schema';
import type { LetterKind, ToneRewrite } from '@/lib/tone';
import { usePersonColour } from '../../board/people-colours';
import type { PresenceUser } from '../../hooks/use-synced-doc';
import { caretRenderers, useCaretColours } from './caret';
import type { RewriteResult } from './letter-advice';
import { acceptRewrite, letterText } from './letter-rewrite';
import { LetterStats } from './letter-stats';

interface LetterEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider;
  field: LetterField;
  title: string;
  hint: string;
  readOnly: boolean;
  user: PresenceUser;
  /** Tone notes are for the writer and the interventionist, not for readers of a shared letter. */
  showAdvice: boolean;
}

const KIND: Record<LetterField, LetterKind> = { impact: 'impact', bottomLine: 'bottom-line' };

/**
 * One letter as rich text: Tiptap on the letter's Y.XmlFragment, with the other writer's caret.
 * Undo is Tiptap's collaborative undo (only this person's own typing); a tone note's one-tap
 * rewrite is one more step of it (letter-rewrite.ts).
 */
export function LetterEditor({ doc, provider, field, title, hint, readOnly, user, showAdvice }: LetterEditorProps) {
  const [text, setText] = useState('');
  const headingId = `letter-${field}-${doc.guid}`;
  // Others' carets in the colour the board gives them (caret.ts).
  useCaretColours(usePersonColour());
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: false }),
        Collaboration.configure({ document: doc, field }),
        CollaborationCaret.configure({ provider, user, ...caretRenderers }),
      ],
      editorProps: {
        attributes: {
          class: 'letter-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': headingId,
          'aria-readonly': readOnly ? 'true' : 'false',
          'data-testid': `letter-${field}`,
        },
      },
      onCreate: ({ editor: created }) => setText(letterText(created)),
      onUpdate: ({ editor: updated }) => setText(letterText(updated)),
    },
    [doc, provider, field],
  );

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  const rewrite = useCallback(
    (offered: ToneRewrite): RewriteResult => {
      if (!editor) return { accepted: false, letter: text };
      const accepted = acceptRewrite(editor, offered);
      return { accepted, letter: letterText(editor) };
    },
    [editor, text],
  );
  const undo = useCallback(() => void editor?.commands.undo(), [editor]);
  const editable = !readOnly && editor !== null;

  return (
    <div className="letter">
      <div className="letter-head">
        <h4 id={headingId}>{title}</h4>
        {readOnly || !editor ? null : (
          <span className="letter-tools">
            <button type="button" className="button-quiet" onClick={() => editor.commands.undo()}>
              Undo
            </button>
            <button type="button" className="button-quiet" onClick={() => editor.commands.redo()}>
              Redo
            </button>
          </span>
        )}
      </div>
      {readOnly ? null : <p className="plan-hint">{hint}</p>}
      <div className={`letter-box${readOnly ? ' is-read-only' : ''}`}>
        {editor ? <EditorContent editor={editor} /> : <div className="letter-content letter-placeholder">Opening…</div>}
        {readOnly && editor && text.trim() === '' ? <p className="muted small letter-empty">Not written yet.</p> : null}
      </div>
      <LetterStats
        text={text}
        kind={KIND[field]}
        showAdvice={showAdvice}
        onRewrite={editable ? rewrite : undefined}
        onUndo={editable ? undo : undefined}
      />
    </div>
  );
}
