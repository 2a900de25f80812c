import * as Y from 'yjs';
import { debriefText, setOutcome, setWentWrong, type WentWrong } from '../plan/debrief';
import type { RunOutcome } from './types';

/** What a real run adds to its attempt's debrief as it happens (never a rehearsal). */
export interface DebriefEntry {
  /** Lines appended to "What happened", each on its own line (a heading first, the first time). */
  lines: string[];
  /** The outcome to record, when one was recorded since the last entry. */
  outcome: RunOutcome | null;
  /** Boxes of "what went wrong" that the moments tick (the team may untick them). */
  wentWrong: WentWrong[];
}

/** The box of "what went wrong" an outcome ticks, if any. */
export function wentWrongOfOutcome(outcome: RunOutcome): WentWrong | null {
  switch (outcome) {
    case 'refused':
      return 'refused-treatment';
    case 'left':
      return 'walked-out';
    case 'aggressive':
      return 'aggressive';
    case 'accepted':
    case 'postponed':
      return null;
  }
}

/** The box a prepared playbook ticks when it is opened on the day (lib/plan/defaults.ts ids). */
export function wentWrongOfPreset(preset: string): WentWrong | null {
  switch (preset) {
    case 'preset-under-influence':
      return 'under-influence';
    case 'preset-emotion':
      return 'led-with-emotion';
    case 'preset-leaves':
      return 'walked-out';
    case 'preset-violence':
      return 'aggressive';
    default:
      return null;
  }
}

/**
 * Writes the entry into a debrief document in one transaction: the lines at the end of "what
 * happened" (after a blank line if someone wrote there last), the outcome, the boxes. The
 * texts stay the team's to correct: this only adds.
 */
export function writeDebriefEntry(doc: Y.Doc, entry: DebriefEntry): void {
  doc.transact(() => {
    if (entry.lines.length > 0) {
      const details = debriefText(doc, 'details');
      const text = details.toString();
      // Our lines end with a line break: the next entry goes on below them; after the team's own
      // text, one blank line keeps the two apart.
      const gap = text === '' || text.endsWith('\n') ? '' : '\n\n';
      details.insert(details.length, `${gap}${entry.lines.join('\n')}\n`);
    }
    if (entry.outcome) setOutcome(doc, entry.outcome, null);
    for (const item of entry.wentWrong) setWentWrong(doc, item, true, null);
  });
}

/**
 * The entry as one Yjs update against the document's current state (`state`, its stored bytes),
 * for the sync server to apply as any writer's edit; null when the entry adds nothing.
 */
export function debriefEntryUpdate(parts: readonly Uint8Array[], entry: DebriefEntry): Uint8Array | null {
  if (entry.lines.length === 0 && entry.outcome === null && entry.wentWrong.length === 0) return null;
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    const before = Y.encodeStateVector(doc);
    writeDebriefEntry(doc, entry);
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
