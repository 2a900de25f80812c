import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { fragmentText, lettersToJSON } from './doc-json';

/** A paragraph as Tiptap stores it: an XmlElement holding an XmlText, with optional bold. */
function paragraph(fragment: Y.XmlFragment, parts: Array<{ text: string; bold?: boolean }>): void {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  element.insert(0, [text]);
  fragment.push([element]);
  let at = 0;
  for (const part of parts) {
    text.insert(at, part.text, part.bold ? { bold: true } : undefined);
    at += part.text.length;
  }
}

test('plain text keeps what the writer typed between angle brackets', () => {
  const doc = new Y.Doc();
  const impact = doc.getXmlFragment('impact');
  paragraph(impact, [{ text: 'I said <no> to you, and I meant it <3' }]);
  assert.equal(fragmentText(impact), 'I said <no> to you, and I meant it <3');
});

test('formatting marks add no characters, and paragraphs are separated by a blank line', () => {
  const doc = new Y.Doc();
  const impact = doc.getXmlFragment('impact');
  paragraph(impact, [{ text: 'Dear Sam, ' }, { text: 'I love you', bold: true }, { text: '.' }]);
  paragraph(impact, [{ text: 'Please come with us today.' }]);
  assert.equal(lettersToJSON(doc).impact, 'Dear Sam, I love you.\n\nPlease come with us today.');
});
