import * as Y from 'yjs';

/** Writes a paragraph into a Tiptap letter fragment, as the editor would. */
export function writeParagraph(doc: Y.Doc, field: 'impact' | 'bottomLine', text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment(field);
    fragment.insert(fragment.length, [paragraph]);
  });
}
