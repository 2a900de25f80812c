import type { TestClient } from './client';
import { openDoc, type ProviderClient } from './providers';
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
