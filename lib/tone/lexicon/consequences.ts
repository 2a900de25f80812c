/**
 * Consequences said to the loved one, for the threat rules in letters (rules/ultimatums.ts) and
 * the bottom-line check (check-bottom-line.ts), so both recognise the same threats.
 *
 * - A loss or a rejection said to them ("you'll lose your family", "don't call me", "you're
 *   out", "we're done") is a threat in any letter when it hangs on a condition or an "or". Only
 *   what the family can take away counts as a loss (them, the kids, the home).
 * - The writer walking away ("I'm leaving", "I'll change the locks") is the expected shape of a
 *   bottom line, and only a threat inside an impact letter.
 * - An ultimatum pairs help, or the family, with a loss or the substance: "rehab or the street",
 *   "us or the bottle". The "or" is the condition, so it needs none.
 * The patterns have no u flag on purpose: they need no Unicode classes, and in V8 the flag
 * makes these alternations many times slower, on every keystroke.
 *
 * Without a condition the same words are often worry ("I'm afraid you'll lose your job") or a
 * plain statement ("I'm done pretending"), so they are not threats on their own. "I will call
 * the police" is left out: on a condition it is as often about safety ("if you ever feel
 * unsafe") as a threat.
 */

const DO_NOT = String.raw`(?:don['’]t|do\s+not)\s+(?:you\s+)?(?:ever\s+)?`;
const YOU_WILL = String.raw`you(?:['’]ll|\s+will|['’]re\s+going\s+to|\s+are\s+going\s+to)`;
const YOU_WONT = String.raw`you\s+(?:won['’]t|will\s+not)`;
/**
 * What the family can take away: a threat. Not "your job" or "your licence": "if you keep
 * drinking, you'll lose your job" is worry about what the illness will do, not a threat.
 */
const THEIRS_TO_LOSE = String.raw`(?:me|us|them|him|her|everyone|everything|all\s+of\s+us|this\s+family|the\s+(?:kids|children|house)|your\s+(?:family|wife|husband|kids|children|son|daughter|home|marriage|place\s+here))`;
/** Punctuation or the end of the text, or a few words that finish the phrase. */
const ENDS = String.raw`(?=\s*(?:[.!?,;:—–]|$))`;
/** "I'm done." or "I'm done with you", not "I'm done with work at five". */
const FINISHED = String.raw`(?:${ENDS}|\s+(?:with\s+(?:you|this|us)|for\s+good)\b)`;

export const THEIR_LOSS = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`${DO_NOT}(?:bother|call|come\s+(?:back|home|near)|show\s+your\s+face|expect\s+(?:me|us|anything)|contact|text)\b`,
      String.raw`${YOU_WILL}\s+(?:never\s+)?lose\s+${THEIRS_TO_LOSE}\b`,
      String.raw`${YOU_WILL}\s+never\s+(?:see\s+${THEIRS_TO_LOSE}|hear\s+from\s+(?:me|us)|be\s+(?:welcome|allowed))\b`,
      String.raw`${YOU_WONT}\s+(?:ever\s+)?(?:see\s+${THEIRS_TO_LOSE}|be\s+(?:welcome|allowed))\b`,
      String.raw`you\s+(?:can['’]t|cannot|can\s+no\s+longer)\s+(?:live|stay)\s+(?:here|with\s+(?:me|us))\b`,
      String.raw`${YOU_WILL}\s+(?:no\s+longer|not)\s+be\s+(?:welcome|allowed)\b`,
      String.raw`${YOU_WILL}\s+be\s+(?:out|on\s+your\s+own|sorry)\b`,
      String.raw`you(?:['’]re|\s+are)\s+(?:out|on\s+your\s+own|dead\s+to\s+me|cut\s+off|not\s+welcome|no\s+longer\s+welcome|finished)\b`,
      String.raw`you\s+can\s+(?:forget|kiss)\b`,
      // Evictions said as orders; after "to" they are demands (see isDemand).
      String.raw`(?:pack\s+your\s+bags|find\s+(?:somewhere|someplace|another\s+place)\s+else)\b`,
      String.raw`get\s+out(?:${ENDS}|\s+of\s+(?:my|this|our)\s+(?:house|home|life|lives)\b)`,
      // Not "we're done with the hard part": only the relationship ending.
      String.raw`we(?:['’]re|\s+are)\s+(?:done|through|finished|over)${FINISHED}`,
      String.raw`it(?:['’]s|\s+is)\s+over(?:${ENDS}|\s+between\s+us\b)`,
      String.raw`(?:this|our)\s+marriage\s+is\s+over\b`,
    ].join('|') +
    ')',
  'gi',
);
const THEIR_LOSS_ONCE = new RegExp(THEIR_LOSS.source, 'i');

const I_AM = String.raw`I(?:['’]m|\s+am)`;
const I_WILL = String.raw`I(?:['’]ll|\s+will|['’]m\s+going\s+to|\s+am\s+going\s+to)`;

export const WRITER_EXIT = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`${I_AM}\s+(?:gone|done|out|through)${FINISHED}`,
      String.raw`${I_AM}\s+(?:leaving|moving\s+out|changing\s+the\s+locks|divorcing\s+you|filing\s+for\s+divorce|cutting\s+you\s+off|walking\s+away|kicking\s+you\s+out)\b`,
      String.raw`${I_WILL}\s+(?:leave(?:${ENDS}|\s+(?:you|this\s+house|for\s+good)\b)|move\s+out|change\s+the\s+locks|divorce\s+you|file\s+for\s+divorce|cut\s+you\s+off|walk\s+away|never\s+speak\s+to\s+you|kick\s+you\s+out|throw\s+you\s+out|be\s+gone)\b`,
    ].join('|') +
    ')',
  'gi',
);

const FAMILY = String.raw`(?:us|me|your\s+(?:family|kids|children|wife|husband|marriage|job|son|daughter)|the\s+kids)`;
const SUBSTANCE = String.raw`(?:the|your)\s+(?:bottle|drink|drinking|drugs|pills|booze|habit|gambling|casino|bar|alcohol|needle|dealer)`;

export const ULTIMATUM = new RegExp(
  [
    String.raw`\b${FAMILY}\s+or\s+${SUBSTANCE}\b`,
    String.raw`\b${SUBSTANCE}\s+or\s+${FAMILY}\b`,
    String.raw`\bor\s+(?:the\s+streets?|the\s+door|out\s+you\s+go)\b`,
  ].join('|'),
  'gi',
);

/** A condition on the loved one: "if you ...", "the next time you ...", "one more drink and". */
const CONDITION =
  /\b(?:if|unless|when|whenever)\s+(?:you\b|i\s+(?:ever\s+)?(?:catch|find|see)\s+you\b)|\bthe\s+(?:next|first)\s+time\s+you\b|\bthe\s+(?:moment|minute|second)\s+you\b|\b(?:one|once)\s+more\b|\banother\s+(?:drink|lie|time|night|bender|relapse)\b|\beither\b(?!\s+way\b)/i;

/** "If you don't / won't / refuse": the condition threats.ts flags in impact letters. */
export const REFUSAL_CONDITION = /\bif\s+you\s+(?:don['’]t|do\s+not|won['’]t|will\s+not|refuse)\b/i;

const SENTENCE_END = /[.!?\n][^.!?\n]*$/;

/** The part of the sentence before `position` (at most 200 characters back). */
export function sentenceBefore(text: string, position: number): string {
  const before = text.slice(Math.max(0, position - 200), position);
  const end = SENTENCE_END.exec(before);
  return end === null ? before : before.slice(end.index + 1);
}

/** Whether the consequence at `position` hangs on a condition or follows a bare "or". */
export function hangsOnCondition(text: string, position: number): boolean {
  const before = sentenceBefore(text, position);
  return CONDITION.test(before) || /\bor\s*$/i.test(before);
}

/**
 * After "to" a loss is a demand, not a threat: "you need to find somewhere else to live" tells
 * them what to do (the bottom-line check's order verdict). Checked in code rather than with a
 * lookbehind in the patterns, which older browsers cannot parse.
 */
export function isDemand(text: string, start: number): boolean {
  return /\bto\s+$/i.test(text.slice(Math.max(0, start - 8), start));
}

/** Whether the text says a loss to the loved one anywhere (not counting demands). */
export function saysLoss(text: string): boolean {
  for (const m of text.matchAll(THEIR_LOSS)) if (!isDemand(text, m.index)) return true;
  return false;
}

/** Whether text[start] lies inside a threatened loss ("you'll never see the kids"). */
export function isInsideThreatenedLoss(text: string, start: number): boolean {
  const from = Math.max(0, start - 20);
  const window = text.slice(from, start + 40);
  const m = THEIR_LOSS_ONCE.exec(window);
  if (m === null) return false;
  const matchStart = from + m.index;
  return matchStart <= start && start < matchStart + m[0].length && hangsOnCondition(text, matchStart);
}
