import * as Y from 'yjs';

/** An update as Y.decodeUpdate returns it; decoded once per message (see inspectUpdate). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Whether applying `update` to `doc` would change nothing: every struct is already known (its
 * clock range is below the doc's state vector) and every deleted range is already deleted.
 * A provider's sync step 2 carries its whole delete set on every reconnect, so without this
 * check each reconnect of a document with any deletion would log a change that changed nothing.
 */
export function addsNothingNew(doc: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
  // Y.getState reads one client's clock from the store: no state vector of the whole document.
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of ds.clients) {
    const end = Y.getState(doc.store, client);
    for (const range of ranges) {
      // Walk the doc's structs over the range (binary search, then neighbours): O(k log n),
      // not a scan of the whole document on every backspace.
      let clock = range.clock;
      while (clock < range.clock + range.len) {
        if (clock >= end) return false;
        const struct = Y.getItem(doc.store, Y.createID(client, clock));
        const next = struct.id.clock + struct.length;
        // A struct that does not advance (only a corrupt store could hold one) ends the walk.
        if (!struct.deleted || next <= clock) return false;
        clock = next;
      }
    }
  }
  return true;
}
