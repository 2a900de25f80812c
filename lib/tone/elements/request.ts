/**
 * The request. An impact letter ends by asking, plainly, for help to be accepted today: the
 * intervention works because a bed is held now. So one sentence must name help (treatment,
 * detox, the program ...), an action (accept, go, come, start ...) and now (today, tonight ...).
 *
 * A bottom-line letter does not ask; it states what the writer will do if help is refused, so
 * its "request" is an own-action statement: "I will ...", "I will no longer ...".
 */

const HELP =
  /\b(?:help|treatment|rehab|rehabilitation|detox|program|programme|care|bed|recovery|clinic|center|centre|doctor|counsel(?:l)?or|therapy|hospital|facility|offer)\b/i;
const ACTION = /\b(?:accept|go|come|get|start|begin|enter|check|take|say\s+yes|agree|let|choose|join|leave)\b/i;
const NOW = /\b(?:today|tonight|now|right\s+away|immediately|this\s+(?:morning|afternoon|evening))\b/i;

export function hasRequestForHelpToday(text: string): boolean {
  return text.split(/[.!?\n]+/).some((s) => HELP.test(s) && ACTION.test(s) && NOW.test(s));
}

export const OWN_ACTION =
  /\bI(?:['’]ll|\s+will|\s+shall|\s+won['’]t|\s+am\s+(?:not\s+)?going\s+to|['’]m\s+(?:not\s+)?going\s+to|\s+can\s+no\s+longer|\s+(?:have|['’]ve)\s+decided|['’]ve\s+decided|\s+am\s+no\s+longer|['’]m\s+no\s+longer|\s+refuse\s+to)\b/i;

export function hasOwnActionStatement(text: string): boolean {
  return OWN_ACTION.test(text);
}
