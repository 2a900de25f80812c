import type * as Y from 'yjs';
import type { TestClient } from './client';
import { syncUpdate } from './frames';
import { openDoc, type ProviderClient } from './providers';
import { RawYjsSocket } from './sockets';
import { writeParagraph } from './tiptap-fragments';
import { REQUEST_POLL_MS, waitFor } from './wait';

type LetterField = 'impact' | 'bottomLine';

/**
 * Writes a paragraph into one of a participant's letters through a real provider and waits until
 * the server has stored it: a blank letter cannot be submitted for review. The caller destroys
 * the returned provider (or leaves it to the file's clean-up).
 */
export async function writeLetter(
  writer: TestClient,
  boardId: string,
  field: LetterField,
  text: string,
  attempt = 1,
): Promise<ProviderClient> {
  const docName = `board/${boardId}/letters/${attempt}/${writer.userId}`;
  const letters = await openDoc(writer, docName);
  writeParagraph(letters.doc, field, text);
  const statePath = `/api/boards/${boardId}/history/state?doc=${encodeURIComponent(docName)}&seq=${Number.MAX_SAFE_INTEGER}`;
  await waitFor(
    async () =>
      (await writer.json<{ state?: Record<LetterField, string> }>('GET', statePath)).body.state?.[field] !== '',
    `${field} letter stored`,
    5000,
    REQUEST_POLL_MS,
  );
  return letters;
}

/**
 * A writer on a letters document over a raw socket, with a local copy to edit. Every edit is
 * sent as an update; each write ends with a round trip, after which the server has logged it.
 */
export async function letterWriter(baseUrl: string, who: TestClient, docName: string) {
  const socket = await RawYjsSocket.connect(baseUrl, docName, who.cookieHeader(), `${who.name} writes`);
  await socket.roundtrip();
  const doc = socket.learnedDoc();
  doc.on('update', (update: Uint8Array) => socket.send(syncUpdate(update)));
  return {
    /** Replaces one letter's text, in one update. */
    async write(field: LetterField, text: string): Promise<void> {
      replaceLetter(doc, field, text);
      await socket.roundtrip();
    },
    async close(): Promise<void> {
      doc.destroy();
      socket.close();
      await socket.closed;
    },
  };
}

/** Replaces one letter's whole text in a local copy, in one transaction. */
export function replaceLetter(doc: Y.Doc, field: LetterField, text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(field);
    fragment.delete(0, fragment.length);
    if (text) writeParagraph(doc, field, text);
  });
}
