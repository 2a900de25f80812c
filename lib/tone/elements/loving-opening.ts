/**
 * Love first. An impact letter opens with love, so the loved one hears that before anything
 * hard. "Dear Sam," alone is a convention, not love, so it does not count.
 */

export const LOVE_CUES = new RegExp(
  [
    String.raw`\b(?:love|loves|loved|loving|adore|adored|cherish|cherished|treasure|proud|admire|admired|grateful|thankful|wonderful|amazing|precious|kindest|generous)\b`,
    String.raw`\bthank\s+you\b`,
    String.raw`\b(?:miss|missed)\s+you\b`,
    String.raw`\bcare\s+(?:about|for)\s+you\b`,
    String.raw`\bmeans?\s+(?:the\s+world|everything|so\s+much)\b`,
    String.raw`\b(?:best|closest)\s+friend\b`,
    String.raw`\bmy\s+(?:hero|rock|world)\b`,
    String.raw`\bfond(?:est)?\s+memor(?:y|ies)\b`,
  ].join('|'),
  'i',
);

/** How many opening words count as "the opening": about the first two or three sentences. */
export const OPENING_WORDS = 60;

export function hasLove(text: string): boolean {
  return LOVE_CUES.test(text.replace(/’/g, "'"));
}
