import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getSchema, getText, getTextSerializersFromSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { applyRewrite, checkLetter } from '../index';
import { type EditorTextOptions, rewriteRange, walkEditorText } from './editor-offsets';

// The letter editor's schema (components/plan/letters/letter-editor.tsx).
const schema = getSchema([StarterKit.configure({ undoRedo: false, link: false })]);
const OPTIONS: EditorTextOptions = { blockSeparator: '\n\n', textSerializers: getTextSerializersFromSchema(schema) };

type Inline = string | { bold: string } | { lineBreak: true };
const BR: Inline = { lineBreak: true };
const inline = (parts: Inline[]) =>
  parts.map((part) =>
    typeof part === 'string'
      ? { type: 'text', text: part }
      : 'lineBreak' in part
        ? { type: 'hardBreak' }
        : { type: 'text', text: part.bold, marks: [{ type: 'bold' }] },
  );
const p = (...parts: Inline[]) =>
  parts.length ? { type: 'paragraph', content: inline(parts) } : { type: 'paragraph' };
const docOf = (...blocks: object[]): ProseMirrorNode => schema.nodeFromJSON({ type: 'doc', content: blocks });
const textOf = (doc: ProseMirrorNode) => getText(doc, OPTIONS);

const DOCS: Record<string, ProseMirrorNode> = {
  'one paragraph': docOf(p('Dear Sam, you are an addict.')),
  'several paragraphs and an empty one': docOf(p('Dear Sam,'), p(), p('I love you.'), p('You made me feel alone.')),
  'bold splits a sentence': docOf(p('You are ', { bold: 'an addict' }, ' and I love you.')),
  'a hard break': docOf(p('Dear Sam,', BR, 'you are an addict.')),
  'a leading empty paragraph': docOf(p(), p('An addict, Sam.')),
  'lists, a heading, a quote and a rule': docOf(
    { type: 'heading', attrs: { level: 2 }, content: inline(['To Sam']) },
    { type: 'bulletList', content: [{ type: 'listItem', content: [p('we all think you drink')] }] },
    { type: 'blockquote', content: [p('"You junkie," he said.')] },
    { type: 'horizontalRule' },
    { type: 'codeBlock', content: inline(['an addict']) },
    p('Love, Jo'),
  ),
};

describe('walkEditorText', () => {
  for (const [name, doc] of Object.entries(DOCS)) {
    it(`reads ${name} exactly as editor.getText does, each run at its position`, () => {
      const { text, runs } = walkEditorText(doc, OPTIONS);
      assert.equal(text, textOf(doc));
      assert.ok(runs.length > 0);
      for (const run of runs) {
        assert.equal(doc.textBetween(run.pos, run.pos + run.length), text.slice(run.offset, run.offset + run.length));
      }
    });
  }
});

/** The document with a range replaced, as the editor's transaction does. */
function replaced(doc: ProseMirrorNode, range: { from: number; to: number }, text: string): ProseMirrorNode {
  const state = EditorState.create({ doc });
  return state.apply(state.tr.insertText(text, range.from, range.to)).doc;
}

describe('rewriteRange', () => {
  it('maps every one-tap rewrite the checker offers, so accepting it in the document equals applyRewrite on the text', () => {
    let offered = 0;
    for (const doc of Object.values(DOCS)) {
      const text = textOf(doc);
      for (const flag of checkLetter(text, 'impact').flags) {
        if (!flag.rewrite) continue;
        offered++;
        const range = rewriteRange(doc, flag.rewrite, OPTIONS);
        assert.ok(range, `${flag.rewrite.replaces} in ${JSON.stringify(text)}`);
        assert.equal(textOf(replaced(doc, range, flag.rewrite.text)), applyRewrite(text, flag.rewrite));
      }
    }
    assert.ok(offered >= 6, `rewrites offered: ${offered}`);
  });

  it('finds a label in the third paragraph past the separators, across bold text', () => {
    const doc = docOf(p('Dear Sam,'), p(), p('You are ', { bold: 'an add' }, 'ict.'));
    const start = textOf(doc).indexOf('an addict');
    assert.equal(start, 'Dear Sam,\n\n\n\nYou are '.length);
    const rewrite = { start, end: start + 'an addict'.length, replaces: 'an addict' };
    const range = rewriteRange(doc, rewrite, OPTIONS);
    assert.ok(range);
    assert.equal(doc.textBetween(range.from, range.to), 'an addict');
    assert.equal(
      textOf(replaced(doc, range, 'a person with an addiction')),
      'Dear Sam,\n\n\n\nYou are a person with an addiction.',
    );
  });

  it('does nothing when the letter changed under the rewrite', () => {
    const before = docOf(p('You are an addict.'));
    const rewrite = checkLetter(textOf(before), 'impact').flags.find((flag) => flag.rewrite)?.rewrite;
    assert.ok(rewrite);
    // Someone added a word in front: the offsets now point at other text.
    assert.equal(rewriteRange(docOf(p('Sam, you are an addict.')), rewrite, OPTIONS), null);
    // Someone already rewrote it.
    assert.equal(rewriteRange(docOf(p('You are a person with an addiction.')), rewrite, OPTIONS), null);
    assert.ok(rewriteRange(before, rewrite, OPTIONS));
  });

  it('refuses a range that crosses a paragraph or a line break, or is empty', () => {
    const paragraphs = docOf(p('I love you'), p('Sam'));
    assert.equal(textOf(paragraphs), 'I love you\n\nSam');
    assert.equal(rewriteRange(paragraphs, { start: 7, end: 15, replaces: 'you\n\nSam' }, OPTIONS), null);
    const lineBreak = docOf(p('I love you', BR, 'Sam'));
    assert.equal(textOf(lineBreak), 'I love you\nSam');
    assert.equal(rewriteRange(lineBreak, { start: 7, end: 14, replaces: 'you\nSam' }, OPTIONS), null);
    assert.equal(rewriteRange(lineBreak, { start: 2, end: 2, replaces: '' }, OPTIONS), null);
    assert.deepEqual(rewriteRange(lineBreak, { start: 11, end: 14, replaces: 'Sam' }, OPTIONS), { from: 12, to: 15 });
  });
});
