/**
 * A specific incident: a date or a concrete moment ("last Christmas", "on March 3rd", "the night
 * you ..."). Specific moments are hard to deny; general complaints are easy to argue with.
 * Month names count only next to a day, a year or a time word, because "may" and "march" are
 * also ordinary words.
 */

const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const DAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const OCCASION =
  "christmas(?:\\s+eve)?|thanksgiving|easter|new\\s+year['’]?s(?:\\s+eve|\\s+day)?|halloween|hanukkah|passover|ramadan|eid|diwali|fourth\\s+of\\s+july|independence\\s+day|mother['’]?s\\s+day|father['’]?s\\s+day|valentine['’]?s(?:\\s+day)?|labor\\s+day|memorial\\s+day";
const PERIOD = `summer|winter|spring|fall|autumn|weekend|week|month|year|night|morning|evening|afternoon|birthday|${DAY}`;
const EVENT =
  'wedding|graduation|funeral|birthday|party|game|recital|dinner|lunch|breakfast|reunion|christening|baptism|bar\\s+mitzvah|bat\\s+mitzvah|barbecue|bbq|concert|match|ceremony|celebration|vacation|holiday|trip|shower';
const NUMBER =
  'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+|a\\s+few|a\\s+couple\\s+of|several';

const INCIDENT = new RegExp(
  [
    String.raw`\b(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH})\b`,
    // Not "this may" or "that may": those are almost always the verb.
    String.raw`\b(?:in|last|since|early|late|mid|until|during)\s+(?:${MONTH})\b`,
    String.raw`\b(?:${MONTH})\s+(?:19|20)\d{2}\b`,
    String.raw`\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b`,
    String.raw`\b(?:19|20)\d{2}-\d{2}-\d{2}\b`,
    String.raw`\b(?:in|since|during|of)\s+(?:19|20)\d{2}\b`,
    String.raw`\b(?:last|this\s+past|that|on)\s+(?:${OCCASION}|${PERIOD})\b`,
    String.raw`\b(?:${OCCASION})\b`,
    String.raw`\b(?:${DAY})\b`,
    String.raw`\bthe\s+(?:night|day|morning|evening|afternoon|weekend|time|moment|summer|winter|week)\s+(?:you|when|that|we|i|after|before)\b`,
    String.raw`\b(?:at|on|during|after|before|to)\s+(?:your|my|our|the|his|her|their|[\p{L}]+['’]s)\s+(?:[\p{L}]+\s+)?(?:${EVENT})\b`,
    String.raw`\b(?:${NUMBER})\s+(?:days?|weeks?|months?|years?)\s+ago\b`,
    String.raw`\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\p{L})`,
    String.raw`\bat\s+(?:midnight|dawn)\b`,
  ].join('|'),
  'iu',
);

export function hasSpecificIncident(text: string): boolean {
  return INCIDENT.test(text);
}
