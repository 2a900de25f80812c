import type * as Y from 'yjs';
import { addItem, listMap } from './lists';
import { keysAfter } from './order';
import { META, PLAN_SCHEMA_VERSION } from './schema';

/**
 * The five contingencies every plan starts with (from the article the product was conceived
 * from). Fixed ids make initialisation idempotent: when two people open an empty plan at once,
 * both add the same five keys, and the merged map holds each key once (last writer wins per key,
 * and both wrote the same content), so the plan ends with five, never ten.
 */
export const DEFAULT_CONTINGENCIES: readonly {
  id: string;
  title: string;
  trigger: string;
  who: string;
  steps: string;
}[] = [
  {
    id: 'preset-under-influence',
    title: 'Arrives under the influence',
    trigger: 'They arrive drunk or high, or become so before we start.',
    who: 'The chair decides; the interventionist advises.',
    steps:
      'Decide in advance: wait until the high wears off, or postpone to another day. Do not argue with someone who is intoxicated.',
  },
  {
    id: 'preset-emotion',
    title: 'A participant leads with emotion',
    trigger: 'Someone starts shouting, crying uncontrollably or accusing.',
    who: 'Agree on a signal and on who steps in.',
    steps:
      'Give the agreed signal. The chair takes over calmly; the person steps out for a moment if they need to, then returns to the script.',
  },
  {
    id: 'preset-leaves',
    title: 'The loved one leaves',
    trigger: 'They stand up and walk out.',
    who: 'The person chosen to follow them.',
    steps:
      'Only that person follows, calmly. Say what was agreed (for example: "We love you. Please come back and hear us out."). Everyone else stays seated.',
  },
  {
    id: 'preset-violence',
    title: 'Becomes violent or aggressive',
    trigger: 'Threats, shoving, breaking things, or anyone feeling unsafe.',
    who: 'The safety lead; the person who calls emergency services.',
    steps:
      'Stop at once. Everyone moves towards the exits. The safety lead keeps people apart; the agreed person calls emergency services.',
  },
  {
    id: 'preset-refuses',
    title: 'Refuses treatment',
    trigger: 'They say no after the impact letters.',
    who: 'Each participant, in the speaking order.',
    steps:
      'Read the bottom-line letters. Do not barter, bargain or compromise. Follow through on every bottom line from today.',
  },
];

const PRESET_KEYS = keysAfter(null, DEFAULT_CONTINGENCIES.length);

export function isInitialised(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(META).get('initialised') === true;
}

/**
 * Adds the default content once per plan. Call it only after the document has synced with the
 * server, so that a plan someone already initialised (and perhaps trimmed) is never refilled.
 * The check and the writes share one transaction. Returns whether anything was written.
 */
export function ensureDefaults(doc: Y.Doc, origin: unknown = null): boolean {
  if (isInitialised(doc)) return false;
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META);
    meta.set('initialised', true);
    meta.set('schema', PLAN_SCHEMA_VERSION);
    const contingencies = listMap(doc, 'contingencies');
    DEFAULT_CONTINGENCIES.forEach((preset, index) => {
      if (contingencies.has(preset.id)) return;
      addItem(doc, 'contingencies', {
        id: preset.id,
        order: PRESET_KEYS[index],
        text: { title: preset.title, trigger: preset.trigger, who: preset.who, steps: preset.steps },
        values: { preset: preset.id },
      });
    });
  }, origin);
  return true;
}
