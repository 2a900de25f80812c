/** Prefix of every IndexedDB database that holds a local copy of a document (see useSyncedDoc). */
export const LOCAL_COPY_PREFIX = 'harbor:';

/** The database of one person's copy of one document: two people sharing a browser never share one. */
export function localCopyName(userId: string, docName: string): string {
  return `${LOCAL_COPY_PREFIX}${userId}:${docName}`;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * Whether this browser may hold a copy of a document, without creating one by looking. A
 * browser that cannot list its databases answers "maybe" (true): the copy is opened to see.
 */
export async function mayHaveLocalCopy(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((database) => database.name === name);
  } catch {
    return true;
  }
}

/** Deletes one local copy (after its unsent text was copied out, or once the server has it all). */
export async function deleteLocalCopy(name: string): Promise<void> {
  if (typeof indexedDB !== 'undefined') await deleteDatabase(name);
}

/** Deletes every local copy whose database name `doomed` picks; names this browser cannot list are left. */
async function deleteCopies(doomed: (name: string) => boolean): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(LOCAL_COPY_PREFIX))
      .filter(doomed)
      .map(deleteDatabase),
  );
}

/**
 * Deletes this browser's local copies of documents (offline edits included): on signing out,
 * and when the session ended elsewhere, so that nothing of the plan stays behind in the browser.
 */
export function clearLocalCopies(): Promise<void> {
  return deleteCopies(() => true);
}

/** Deletes one person's copies of one board's documents: they were removed, or it was deleted. */
export function clearBoardCopies(userId: string, boardId: string): Promise<void> {
  const prefix = localCopyName(userId, `board/${boardId}/`);
  return deleteCopies((name) => name.startsWith(prefix));
}

/**
 * Keeps only the signed-in person's copies of the boards they are still on (none when nobody
 * is signed in): what their removal, a board's deletion or a session ended elsewhere left
 * behind while no page of theirs was open to delete it, and anyone else's copies.
 */
export function keepOnlyCopiesOf(userId: string | null, boardIds: readonly string[]): Promise<void> {
  const kept = userId === null ? [] : boardIds.map((boardId) => localCopyName(userId, `board/${boardId}/`));
  return deleteCopies((name) => !kept.some((prefix) => name.startsWith(prefix)));
}
