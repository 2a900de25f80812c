import * as Y from 'yjs';
import type { DocName } from '../doc-names';
import { type LetterField, NOTES_FIELD } from './schema';
import { planToJSON } from './to-json';
import { debriefToJSON } from './debrief';

/**
 * The characters of an XmlText, from its content: its string form is markup (`<bold>…</bold>`)
 * with the text unescaped, so stripping tags from it would also strip what the writer typed
 * between angle brackets.
 */
function xmlTextContent(text: Y.XmlText): string {
  const delta: unknown = text.toDelta();
  if (!Array.isArray(delta)) return '';
  let out = '';
  for (const op of delta as unknown[]) {
    const insert: unknown = typeof op === 'object' && op !== null ? Reflect.get(op, 'insert') : undefined;
    if (typeof insert === 'string') out += insert;
  }
  return out;
}

/** The plain text of a Tiptap fragment: paragraphs separated by blank lines. */
export function fragmentText(fragment: Y.XmlFragment): string {
  const blocks: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, into: string[]) => {
    if (node instanceof Y.XmlText) {
      into.push(xmlTextContent(node));
      return;
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child, into);
    }
  };
  for (const block of fragment.toArray()) {
    const parts: string[] = [];
    if (block instanceof Y.XmlElement || block instanceof Y.XmlText) walk(block, parts);
    blocks.push(parts.join(''));
  }
  return blocks.join('\n\n').trim();
}

export function lettersToJSON(doc: Y.Doc): Record<LetterField, string> {
  return {
    impact: fragmentText(doc.getXmlFragment('impact')),
    bottomLine: fragmentText(doc.getXmlFragment('bottomLine')),
  };
}

/** A document of any scope as plain JSON, for history, comparison and export. */
export function docToJSON(name: DocName, doc: Y.Doc): Record<string, unknown> {
  switch (name.kind) {
    case 'plan':
      return planToJSON(doc);
    case 'letters':
      return lettersToJSON(doc);
    case 'notes':
      return { notes: doc.getText(NOTES_FIELD).toString() };
    case 'debrief':
      return { ...debriefToJSON(doc) };
  }
}
