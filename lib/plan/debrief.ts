import * as Y from 'yjs';
import type { Debrief } from '../schemas/debrief';
import { OUTCOMES, WENT_WRONG } from './debrief-values';
import { DEBRIEF_MAP, NOTE_PREFIX, WENT_WRONG_SET } from './debrief-names';

export { DEBRIEF_MAP, WENT_WRONG_SET } from './debrief-names';

/**
 * The debrief of one attempt, the Yjs document `board/<b>/debrief/<n>` (docs/realtime.md):
 *
 *   debrief                 Y.Map   { outcome }: one choice, the last one made wins
 *   debrief.wentWrong       Y.Map<WentWrong, true>: a set, so two people ticking two boxes keep both
 *   debrief.details         Y.Text  what happened, merged character by character
 *   debrief.lessons         Y.Text  what to do differently
 *   debrief.note.<key>      Y.Text  the note about one participant (a user id, or `team:<item id>`
 *                                   for a relative without an account)
 *
 * Every text is a top-level type, identified by its name: two people who start the same note at
 * the same moment write into one Y.Text and both keep what they typed. A note kept as a Y.Text
 * inside a map would be created twice and one of the two would lose (see lib/plan/schema.ts).
 * Who may write is decided by the server for the whole document; nothing stored here decides it.
 */
export type Outcome = Debrief['outcome'];
export type WentWrong = Debrief['wentWrong'][number];
export type DebriefText = 'details' | 'lessons';

/** A participant's key: a record id, or `team:` and a plan item id. */
const NOTE_KEY = /^(team:)?[A-Za-z0-9_-]{1,64}$/;

export function isNoteKey(key: string): boolean {
  return NOTE_KEY.test(key);
}

export function debriefMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DEBRIEF_MAP);
}

export function wentWrongSet(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(WENT_WRONG_SET);
}

export function debriefText(doc: Y.Doc, field: DebriefText): Y.Text {
  return doc.getText(`debrief.${field}`);
}

export function noteText(doc: Y.Doc, key: string): Y.Text {
  if (!isNoteKey(key)) throw new Error(`not a participant key: ${key}`);
  return doc.getText(`${NOTE_PREFIX}${key}`);
}

/**
 * The participants with a note in the document, including notes that arrived from others (a
 * top-level type another client created is in `doc.share` once its content arrives).
 */
export function noteKeys(doc: Y.Doc): string[] {
  const keys: string[] = [];
  for (const name of doc.share.keys()) {
    if (!name.startsWith(NOTE_PREFIX)) continue;
    const key = name.slice(NOTE_PREFIX.length);
    if (isNoteKey(key) && noteText(doc, key).length > 0) keys.push(key);
  }
  return keys.sort();
}

export function outcomeOf(doc: Y.Doc): Outcome {
  const value = debriefMap(doc).get('outcome');
  // A writer can store anything; only a known outcome is shown.
  return OUTCOMES.find((outcome) => outcome === value) ?? '';
}

export function setOutcome(doc: Y.Doc, outcome: Outcome, origin: unknown): void {
  doc.transact(() => debriefMap(doc).set('outcome', outcome), origin);
}

export function wentWrongOf(doc: Y.Doc): WentWrong[] {
  const set = wentWrongSet(doc);
  return WENT_WRONG.filter((item) => set.get(item) === true);
}

export function setWentWrong(doc: Y.Doc, item: WentWrong, on: boolean, origin: unknown): void {
  doc.transact(() => {
    if (on) wentWrongSet(doc).set(item, true);
    else wentWrongSet(doc).delete(item);
  }, origin);
}

/** The debrief as plain JSON, for history, comparison and the API. Reads only. */
export function debriefToJSON(doc: Y.Doc): Debrief {
  const participantNotes: Record<string, string> = {};
  for (const key of noteKeys(doc)) participantNotes[key] = noteText(doc, key).toString();
  return {
    outcome: outcomeOf(doc),
    wentWrong: wentWrongOf(doc),
    details: debriefText(doc, 'details').toString(),
    participantNotes,
    lessons: debriefText(doc, 'lessons').toString(),
  };
}

/** Every top-level type with debrief content known so far, e.g. the scope of an UndoManager. */
export function debriefTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const types: Y.AbstractType<unknown>[] = [
    debriefMap(doc) as Y.AbstractType<unknown>,
    wentWrongSet(doc) as Y.AbstractType<unknown>,
    debriefText(doc, 'details') as Y.AbstractType<unknown>,
    debriefText(doc, 'lessons') as Y.AbstractType<unknown>,
  ];
  for (const key of noteKeys(doc)) types.push(noteText(doc, key) as Y.AbstractType<unknown>);
  return types;
}

/** Writes a whole debrief into an empty document (the records kept before it was a document). */
export function writeDebrief(doc: Y.Doc, debrief: Debrief): void {
  doc.transact(() => {
    if (debrief.outcome) debriefMap(doc).set('outcome', debrief.outcome);
    for (const item of debrief.wentWrong) wentWrongSet(doc).set(item, true);
    if (debrief.details) debriefText(doc, 'details').insert(0, debrief.details);
    if (debrief.lessons) debriefText(doc, 'lessons').insert(0, debrief.lessons);
    for (const [key, note] of Object.entries(debrief.participantNotes))
      if (note && isNoteKey(key)) noteText(doc, key).insert(0, note);
  });
}

/** The debrief state of a document as one update, e.g. to store it as the first logged change. */
export function debriefUpdate(debrief: Debrief): Uint8Array {
  const doc = new Y.Doc();
  try {
    writeDebrief(doc, debrief);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
