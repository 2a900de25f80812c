/**
 * Words that make a sentence loving or reassuring. Used to avoid nagging about the warm things
 * families should say: "you will always be my son", "we all know how much you love your kids".
 * Deliberately narrow: "care" alone would also excuse "you never care about anyone", so only
 * phrases that are warm in themselves are listed.
 */

const RELATIONS =
  'son|daughter|child|kid|boy|girl|baby|brother|sister|mother|mom|mum|father|dad|husband|wife|partner|friend|best friend|hero|rock|family|everything|world|love';

export const WARMTH = new RegExp(
  [
    String.raw`\b(?:love|loves|loved|loving|lovely|adore|adored|cherish|cherished|treasure|proud|welcome|kindest|generous|wonderful|amazing|precious)\b`,
    // Praise in a loving opening ("you were always the funny one"). Not "help", "smile" or
    // "laugh" alone: "you never help", "you always laugh it off" are the complaints to catch.
    String.raw`\b(?:funny|fun|gentle|loyal|thoughtful|talented|smart|brilliant|beautiful|sweet|brave|caring|patient|hardworking|hard-working|favou?rite|joy)\b`,
    String.raw`\b(?:the|my|our)\s+best\b`,
    String.raw`\bkind\b(?!\s+of\b)`,
    String.raw`\ba\s+smile\b`,
    // Praise passed on: "people say you have a gift with kids".
    String.raw`\ba\s+(?:real\s+)?gift\b`,
    String.raw`\b(?:miss|misses|missed)\s+you\b`,
    String.raw`\bcares?\s+(?:about|for)\s+you\b`,
    // Love passed on: "your aunt says she's praying for you".
    String.raw`\b(?:praying|rooting)\s+for\s+you\b`,
    String.raw`\bthinking\s+(?:of|about)\s+you\b`,
    String.raw`\b(?:there|here)\s+for\s+(?:you|me|us)\b`,
    String.raw`\b(?:by|on)\s+your\s+side\b`,
    String.raw`\bbelieve\s+in\s+you\b`,
    String.raw`\b(?:make|makes|made|making)\s+(?:me|us)\s+(?:laugh|smile|happy)\b`,
    String.raw`\b(?:have|has)\s+a\s+home\b`,
    String.raw`\bnever\s+(?:be|walk|face\s+\w+)\s+alone\b`,
    String.raw`\bnever\s+lose\s+(?:me|us|our\s+love)\b`,
    String.raw`\b(?:be|been|are|is|was|were|re)\b(?:\s+\w+){0,2}?\s+(?:my|our)\s+(?:\w+\s+)?(?:${RELATIONS})\b`,
  ].join('|'),
  'i',
);

/** True when the stretch of text reads as loving or reassuring. */
export function isWarm(text: string): boolean {
  return WARMTH.test(text.replace(/’/g, "'"));
}

/** Words that, right after "you made me", turn blame into gratitude: "you made me so proud". */
export const POSITIVE_OUTCOMES: ReadonlySet<string> = new Set([
  'proud',
  'happy',
  'happier',
  'laugh',
  'smile',
  'glad',
  'grateful',
  'thankful',
  'loved',
  'safe',
  'better',
  'stronger',
  'strong',
  'brave',
  'believe',
  'hopeful',
  'special',
  'whole',
  'good',
  'sober',
  'wonderful',
  'welcome',
  'love',
]);
