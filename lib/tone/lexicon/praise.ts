/**
 * Praise said with "always" or "never". "You never forgot my birthday" and "you always knew how
 * to cheer me up" are sweeping words, but about something good: nobody argues with the
 * exceptions to a compliment, and these are the memories a loving opening is made of.
 *
 * - After "never", praise is a failing that did not happen: forgot, missed, let me down, gave
 *   up, judged ... But "never fail to" and "never miss a chance" mean "always", so "you never
 *   miss a chance to drink" is still a complaint.
 * - After "always" (or an intensified "every single time"), praise is a caring act: cheered me
 *   up, kept us laughing, looked after us, stood up for me, had my back ...
 * Deliberately a list of phrases, not single words: "you always help yourself to my wallet" and
 * "you never help" must stay complaints.
 */

const FAILINGS = [
  'forgot',
  'forget',
  'forgets',
  'forgetting',
  'missed',
  'miss',
  'misses',
  'failed',
  'fail',
  'fails',
  String.raw`let\s+(?:me|us|anyone|anybody|them|her|him)\s+down`,
  String.raw`gave\s+up`,
  String.raw`give\s+up`,
  String.raw`gives\s+up`,
  'complained',
  'complain',
  'complains',
  'judged',
  'judge',
  'judges',
  'hesitated',
  'doubted',
  'abandoned',
  String.raw`turned\s+(?:me|us|anyone|anybody)\s+away`,
  String.raw`left\s+(?:my|our|her|his)\s+side`,
].join('|');

const NEVER_PRAISE = new RegExp(
  String.raw`^(?:\s+(?:once|ever|even))?\s+(?:${FAILINGS})\b(?!\s+to\b)(?!\s+(?:a|an|one)\s+(?:chance|opportunity|excuse|beat)\b)`,
  'i',
);

const ALWAYS_PRAISE = new RegExp(
  [
    String.raw`\bcheer(?:ed|s|ing)?\s+(?:me|us|everyone|everybody|people)\s+up\b`,
    String.raw`\b(?:kept|keep|keeps|had|have|has|got|get|gets)\s+(?:me|us|everyone|everybody|people|the\s+kids)(?:\s+all)?\s+(?:laughing|smiling)\b`,
    String.raw`\b(?:made|make|makes|making)\s+(?:everyone|everybody|people|the\s+kids|us\s+all)\s+(?:laugh|smile)\b`,
    String.raw`\b(?:knew|know|knows)\s+how\s+to\s+(?:make|cheer|fix|help|calm)\b`,
    String.raw`\b(?:looked|look|looks|looking)\s+(?:out\s+for|after)\s+(?:me|us|everyone|everybody|the\s+kids|your)\b`,
    // Caring for anyone but themselves: "took care of Grandma", not "take care of yourself first".
    String.raw`\b(?:took|take|takes|taking)\s+care\s+of\s+(?!yourself\b|your\s+own\b)[a-z]`,
    // "You were there every single time I needed you."
    String.raw`\b(?:I|we)\s+needed\s+you\b`,
    String.raw`\b(?:stood|stand|stands)\s+up\s+for\s+(?:me|us|everyone|others)\b`,
    String.raw`\b(?:showed|show|shows)\s+up\s+for\s+(?:me|us|everyone)\b`,
    String.raw`\b(?:made|make|makes|had|have|has)\s+time\s+for\s+(?:me|us|everyone|the\s+kids)\b`,
    String.raw`\b(?:had|have|has)\s+(?:my|our)\s+backs?\b`,
    String.raw`\b(?:put|puts|putting)\s+(?:everyone|others|other\s+people|us|the\s+kids)(?:\s+else)?\s+first\b`,
    String.raw`\b(?:helped|help|helps)\s+(?:me|us|everyone|others|people)\b`,
    String.raw`\bthe\s+first\s+to\s+(?:help|call|offer|arrive)\b`,
  ].join('|'),
  'i',
);

/** `after` is the text right after "never" (its own clause and a little more). */
export function isNeverPraise(after: string): boolean {
  return NEVER_PRAISE.test(after);
}

/** `clause` is the clause around "always" or "every single time", from the word on. */
export function isAlwaysPraise(clause: string): boolean {
  return ALWAYS_PRAISE.test(clause.replace(/’/g, "'"));
}
