/**
 * From the tone checker's offsets to editor positions. The letter editor checks
 * `editor.getText({ blockSeparator })`, a string in which each block after the first starts with
 * the separator and a node with its own text form (a hard break: "\n") stands for that text; a
 * ProseMirror position counts differently (every node boundary is one). So a rewrite's
 * `start`/`end` are mapped by walking the document exactly as Tiptap's getText does, noting where
 * each text node's characters sit. Types only from the editor packages: this stays pure.
 */
import type { TextSerializer } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ToneRewrite } from '../types';

export interface EditorTextOptions {
  blockSeparator: string;
  /** The schema's text forms by node name (`getTextSerializersFromSchema(editor.schema)`). */
  textSerializers: Readonly<Record<string, TextSerializer>>;
}

/** One text node: its characters are text[offset, offset + length) and positions [pos, pos + length). */
export interface TextRun {
  offset: number;
  pos: number;
  length: number;
}

/** The document's text as `getText` builds it (Tiptap's getTextBetween over the whole document), with its text runs. */
export function walkEditorText(doc: ProseMirrorNode, options: EditorTextOptions): { text: string; runs: TextRun[] } {
  const range = { from: 0, to: doc.content.size };
  let text = '';
  const runs: TextRun[] = [];
  doc.nodesBetween(range.from, range.to, (node, pos, parent, index) => {
    if (node.isBlock && pos > range.from) text += options.blockSeparator;
    const serializer = options.textSerializers[node.type.name];
    if (serializer) {
      if (parent) text += serializer({ node, pos, parent, index, range });
      return false;
    }
    if (node.isText && node.text) {
      runs.push({ offset: text.length, pos, length: node.text.length });
      text += node.text;
    }
    return true;
  });
  return { text, runs };
}

/**
 * The document range a rewrite replaces, or null when it cannot be applied as offered: the text
 * at its offsets is no longer `replaces` (the letter changed underneath, perhaps by someone
 * else), or it does not lie in one stretch of text (it would cross a paragraph or a line break).
 * Text split into several nodes by bold or italic is one stretch.
 */
export function rewriteRange(
  doc: ProseMirrorNode,
  rewrite: Pick<ToneRewrite, 'start' | 'end' | 'replaces'>,
  options: EditorTextOptions,
): { from: number; to: number } | null {
  const { start, end, replaces } = rewrite;
  if (end <= start) return null;
  const { text, runs } = walkEditorText(doc, options);
  if (text.slice(start, end) !== replaces) return null;
  const firstIndex = runs.findIndex((run) => run.offset <= start && start < run.offset + run.length);
  const first = runs[firstIndex];
  if (!first) return null;
  let last = first;
  for (let index = firstIndex + 1; end > last.offset + last.length; index++) {
    const next = runs[index];
    const adjacent = next && next.offset === last.offset + last.length && next.pos === last.pos + last.length;
    if (!adjacent) return null;
    last = next;
  }
  return { from: first.pos + (start - first.offset), to: last.pos + (end - last.offset) };
}
