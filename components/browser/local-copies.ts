/** Prefix of every IndexedDB database that holds a local copy of a document (see useSyncedDoc). */
export const LOCAL_COPY_PREFIX = 'harbor:';

/**
 * Deletes this browser's local copies of documents (offline edits included). Meant for signing
 * out on a shared device, so that nothing of the plan stays behind in the browser.
 */
export async function clearLocalCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(LOCAL_COPY_PREFIX))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
