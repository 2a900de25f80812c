/**
 * Feeling words: an impact letter lands when the writer says how they felt, in their own words.
 * "Miss" only counts with a person ("I miss you"), since "you miss dinners" is not a feeling.
 */
export const FEELING_WORDS = new RegExp(
  [
    String.raw`\b(?:worried|worry|worries|worrying|hurt|hurts|hurting|afraid|frustrated|lonely|ashamed|scared|sad|sadness|angry|anxious|anxiety|terrified|frightened|fear|fearful|helpless|hopeless|heartbroken|devastated|embarrassed|disappointed|upset|grief|grieving|guilty|exhausted|powerless|confused|betrayed|overwhelmed|desperate|panicked|humiliated|miserable|resentful|nervous|sorrow|crushed)\b`,
    String.raw`\bbroke\s+my\s+heart\b`,
    String.raw`\b(?:miss|missed)\s+(?:you|him|her|them|us)\b`,
  ].join('|'),
  'i',
);
