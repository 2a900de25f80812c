/**
 * Everything this page holds open to the server (document providers, the board channel), so
 * that hiding the screen can end it all at once (components/quick-hide.tsx): leaving the page is
 * not enough, since a browser may keep it, sockets and all, in its back-forward cache.
 */
type End = () => Promise<void>;
const open = new Set<End>();

/** Registers how to end one connection; the returned function forgets it (on unmount). */
export function holdOpen(end: End): () => void {
  open.add(end);
  return () => open.delete(end);
}

/** Ends every connection of this page now; resolves once each has closed. */
export async function endAllConnections(): Promise<void> {
  const ends = [...open];
  open.clear();
  await Promise.all(ends.map((end) => end()));
}
