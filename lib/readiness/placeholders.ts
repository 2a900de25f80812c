import { DEFAULT_CONTINGENCIES } from '../plan/defaults';

/**
 * The five prepared contingencies come with advice in "who acts" ("The person chosen to follow
 * them.", "The safety lead; the person who calls emergency services."): it says what kind of
 * person to pick, not who. That text, on any contingency, or what is left of it after deleting a
 * part ("The safety lead"), is still advice: a name has to be written before it counts. Compared
 * without case, punctuation or extra spaces, so a retyped copy of the advice does not count either.
 */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const PRESET_ADVICE = DEFAULT_CONTINGENCIES.map((preset) => ` ${words(preset.who)} `);

/** Whether "who acts" names someone: not empty, and not the presets' advice or a piece of it. */
export function namesSomeone(who: string): boolean {
  const text = words(who);
  if (text === '') return false;
  return !PRESET_ADVICE.some((advice) => advice.includes(` ${text} `));
}
