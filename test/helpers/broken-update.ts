/**
 * An update that breaks a room: Yjs decodes it and begins to apply it, but throws half-way, after
 * it has integrated (and emitted) part of it. Found by flipping bits of a real update; fixed here
 * so that the unit and integration tests send the same bytes every run.
 */
import * as Y from 'yjs';

/**
 * `base`: client 1000 writes "hello world" into Y.Text `text` and sets `plan.a = 1`.
 * `breaking`: client 2000's edit of that document (" there", "AB", `plan.b`) with one bit
 * flipped in its delete set; applied to `base`, Yjs integrates the insertions, then throws.
 */
export function roomBreakingUpdates(): { base: Uint8Array; breaking: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = 1000;
  doc.getText('text').insert(0, 'hello world');
  doc.getMap('plan').set('a', 1);
  const base = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const breaking = new Uint8Array(
    Buffer.from(
      '0103d00f00c4e80704e8070506207468657265280104706c616e016201770178c4e80701e8070202414201e847010000',
      'hex',
    ),
  );
  return { base, breaking };
}
