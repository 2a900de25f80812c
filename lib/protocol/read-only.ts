/**
 * The reason of the y-protocols Auth "permission denied" message the sync server sends to a
 * read-only socket when it drops an edit that would have changed the document (once per
 * socket): from then on the client knows that this connection stores nothing it sends, and that
 * its unsent edits were not saved (docs/realtime.md, section 5).
 */
export const READ_ONLY_REASON = 'read-only';
