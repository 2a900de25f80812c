import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as Y from 'yjs';
import { applyTextChange, diffText, transformIndex } from './text-diff';

describe('text splices from an input', () => {
  it('finds one insert, delete or replacement', () => {
    assert.deepEqual(diffText('hello', 'hello!'), { index: 5, remove: 0, insert: '!' });
    assert.deepEqual(diffText('hello', 'hllo'), { index: 1, remove: 1, insert: '' });
    assert.deepEqual(diffText('I will help', 'I will not help'), { index: 7, remove: 0, insert: 'not ' });
    assert.deepEqual(diffText('abc', 'xyz'), { index: 0, remove: 3, insert: 'xyz' });
    assert.equal(diffText('same', 'same'), null);
  });

  it('uses the caret to place an ambiguous insert', () => {
    assert.deepEqual(diffText('aa', 'aaa', 1), { index: 0, remove: 0, insert: 'a' });
    assert.deepEqual(diffText('aa', 'aaa'), { index: 2, remove: 0, insert: 'a' });
  });

  it('never splits an emoji', () => {
    const splice = diffText('a\u{1F600}', 'a\u{1F601}');
    assert.deepEqual(splice, { index: 1, remove: 2, insert: '\u{1F601}' });
  });

  it('places an emoji typed among the same emoji at the caret, whole', () => {
    assert.deepEqual(diffText('\u{1F600}\u{1F600}', '\u{1F600}\u{1F600}\u{1F600}', 2), {
      index: 0,
      remove: 0,
      insert: '\u{1F600}',
    });
    assert.deepEqual(diffText('a\u{1F600}b', 'a\u{1F601}b', 3), { index: 1, remove: 2, insert: '\u{1F601}' });
  });

  it('keeps the splice minimal when the caret is not where the edit was', () => {
    assert.deepEqual(diffText('abcXdef', 'abcYdef', 1), { index: 3, remove: 1, insert: 'Y' });
  });

  it('applies to a Y.Text as a minimal change', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    applyTextChange(text, 'We love you');
    let deltas = 0;
    text.observe(() => deltas++);
    applyTextChange(text, 'We all love you', 6);
    assert.equal(text.toString(), 'We all love you');
    assert.equal(deltas, 1);
  });
});

describe('caret under remote changes', () => {
  it('shifts past text inserted before it and stays before text inserted at or after it', () => {
    assert.equal(transformIndex(5, [{ insert: 'abc' }]), 8);
    assert.equal(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }]), 5);
    assert.equal(transformIndex(5, [{ retain: 7 }, { insert: 'abc' }]), 5);
  });

  it('moves back over deleted text before it, but not past the deletion start', () => {
    assert.equal(transformIndex(5, [{ delete: 2 }]), 3);
    assert.equal(transformIndex(5, [{ retain: 3 }, { delete: 5 }]), 3);
    assert.equal(transformIndex(5, [{ retain: 6 }, { delete: 5 }]), 5);
  });

  it('follows a real Y.Text event', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    let caret = 8;
    text.observe((event) => {
      caret = transformIndex(caret, event.delta);
    });
    text.insert(0, '>> ');
    assert.equal(caret, 11);
    assert.equal(text.toString().slice(caret), 'rld');
  });
});
