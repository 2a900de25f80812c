/**
 * Disguised you-statements: "I feel that you ...", "I feel like you ...". They look like
 * I-statements but go on to describe the loved one, so they land as accusations. The pattern
 * needs the connector (that / like / as if / as though) or a contraction (I feel you're ...),
 * so "I feel you" alone (as in "I feel your pain") is left alone.
 */
import type { PhraseRule } from './rule';

export const DISGUISED_YOU_RULES: readonly PhraseRule[] = [
  {
    rule: 'disguised-you',
    pattern:
      /\bI(?:['’]ve|['’]m|\s+have|\s+am|\s+had|['’]d)?(?:\s+(?:really|often|sometimes|just|still|always|also|honestly|truly|now|even))?\s+(?:feel|felt|feeling)\s+(?:(?:that|like|as\s+if|as\s+though)\s+you(?:['’](?:re|ve|ll|d))?|you['’](?:re|ve|ll|d))\b/gi,
    reason: 'This starts with “I feel” but then describes them, so it can land as an accusation.',
    suggestion: 'Name your own feeling: “I feel scared when …”, “I was hurt when …”.',
  },
];
