import * as Y from 'yjs';
import { SINGLETON_NAMES, SINGLETON_SPECS, singletonTextName } from '../../lib/plan/schema';
import { encodeCheckpoint } from '../../server/yjs/checkpoint-slices';
import { prng } from '../../test/helpers/prng';

export type EditPattern = 'typing' | 'random';

export interface GeneratedLog {
  /** One Yjs update per edit, in order: what the server would have logged. */
  updates: Uint8Array[];
  /** Checkpoints as the server writes them: the merged state after every `every` updates, sliced. */
  checkpoints: { afterUpdate: number; parts: Uint8Array[] }[];
  /** The final merged state (what a holder brings to the relay). */
  finalState: Uint8Array;
}

const FIELDS = SINGLETON_NAMES.flatMap((section) =>
  SINGLETON_SPECS[section].text.map((field) => singletonTextName(section, field)),
);
const LETTERS = 'etaoinshrdlucmfwypvbgkjqxz';

/**
 * Edits of a plan's free-text fields, one update each, as people make them.
 * typing: runs of keystrokes at a caret that mostly sits at the end of a field, with spaces,
 *   backspaces and the odd jump to another place; each page load (a new Yjs client id) types
 *   a few hundred to a few thousand keys. About what a long-lived board accumulates.
 * random: every character inserted at a uniformly random place of one field, the worst case
 *   for Yjs's structure (nothing merges), with no bound asked of it.
 */
export function generateLog(pattern: EditPattern, count: number, checkpointEvery: number, seed = 7): GeneratedLog {
  const random = prng(seed);
  const updates: Uint8Array[] = [];
  const checkpoints: GeneratedLog['checkpoints'] = [];
  let doc = new Y.Doc();
  const record = (update: Uint8Array) => {
    updates.push(update);
    if (updates.length % checkpointEvery === 0)
      checkpoints.push({ afterUpdate: updates.length, parts: encodeCheckpoint(doc) });
  };
  doc.on('update', record);
  let sessionLeft = 0;
  let field = FIELDS[0] ?? 'approach.goals';
  let caret = 0;
  let runLeft = 0;

  while (updates.length < count) {
    if (sessionLeft <= 0) {
      // A new page load: a fresh client id continuing from the current state.
      const next = new Y.Doc();
      Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
      doc.off('update', record);
      doc.destroy();
      doc = next;
      doc.on('update', record);
      sessionLeft = 300 + Math.floor(random() * 2700);
      runLeft = 0;
    }
    if (pattern === 'random') {
      const text = doc.getText(FIELDS[0] ?? 'approach.goals');
      text.insert(Math.floor(random() * (text.length + 1)), LETTERS[Math.floor(random() * LETTERS.length)] ?? 'e');
      sessionLeft--;
      continue;
    }
    if (runLeft <= 0) {
      field = FIELDS[Math.floor(random() * FIELDS.length)] ?? field;
      const length = doc.getText(field).length;
      caret = random() < 0.8 ? length : Math.floor(random() * (length + 1));
      runLeft = 20 + Math.floor(random() * 280);
    }
    const text = doc.getText(field);
    caret = Math.min(caret, text.length);
    const roll = random();
    if (roll < 0.08 && caret > 0) {
      text.delete(caret - 1, 1);
      caret--;
    } else {
      text.insert(caret, roll < 0.25 ? ' ' : (LETTERS[Math.floor(random() * LETTERS.length)] ?? 'e'));
      caret++;
    }
    runLeft--;
    sessionLeft--;
  }
  const finalState = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { updates, checkpoints, finalState };
}
