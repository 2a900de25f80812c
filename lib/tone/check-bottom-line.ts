/**
 * Checks one bottom-line statement. A bottom line is the writer's own action, said once and
 * then kept ("I will no longer give you money"). It is not an order to the loved one ("You will
 * move out"), not a threat ("or else"), not a plan to control them ("I will make you go"), and
 * not a hedge ("I might", "I'll try"), because a soft bottom line invites bargaining and the
 * article is clear: do not bargain, follow through.
 *
 * Checked in this order, first failure wins:
 * 1. empty;
 * 2. threats, each with its own reason:
 *    - "or else", "you'll be sorry", "you'll regret";
 *    - ultimatums: "rehab or the street", "us or the bottle", "go to rehab or you're out";
 *    - a loss or a rejection said to the loved one: "you will lose your family", "you'll never
 *      see the kids", "you'll end up on the street", "don't bother coming home", "you will no
 *      longer be welcome here" (the words are shared with the letters' threat rule, see
 *      lexicon/consequences.ts). A bottom line is read only after help is refused, so unlike
 *      in a letter these need no condition to be threats; and a loss they cannot control
 *      ("you will lose your job") is still not the writer's action;
 * 3. orders to the loved one in the main clause ("you will/must/have to/need to/should/better");
 *    a leading "If you refuse help today," is only the condition and is ignored;
 * 4. "I will make/force you ...";
 * 5. hedges ("I might", "maybe", "probably", "I'll try", "I think I will");
 * 6. "We will ...": each person owns their own bottom line, as the plan records an owner;
 * 7. no "I will / I will no longer / I won't / I'm going to / I can no longer ..." at all.
 */
import { THEIR_LOSS, ULTIMATUM, saysLoss } from './lexicon/consequences';
import type { BottomLineCheck } from './types';

const LEADING_CONDITION = /^\s*(?:if|unless|when|until|because|since|should)\b[^,;:]*[,;:]\s*/i;
const TRAILING_CONDITION = /\s*\b(?:if|unless|until)\b.*$/i;

const THREAT =
  /\b(?:or\s+else|you['’]ll\s+be\s+sorry|you\s+will\s+be\s+sorry|you['’]ll\s+regret|you\s+will\s+regret)\b/i;
// Non-global copies: test() on a global pattern would move its lastIndex between calls.
const ULTIMATUM_ONCE = new RegExp(ULTIMATUM.source, 'i');
const OR_LOSS = new RegExp(String.raw`\bor\s+(?:${THEIR_LOSS.source})`, 'i');
/** Their ruin foretold, on top of the letters' list: in a bottom line it is said to push. */
const RUIN =
  /\byou(?:['’]ll|\s+will|['’]re\s+going\s+to|\s+are\s+going\s+to)\s+(?:never\s+)?(?:lose|end\s+up|have\s+(?:nothing|no\s+one|nobody|nowhere))\b/i;

interface Threat {
  says: (statement: string) => boolean;
  reason: string;
  suggestion: string;
}

const OWN_ACTION_INSTEAD =
  'Say only your part, as your own action: “If you refuse help today, I will no longer let you live here.”';

/** Step 2, in order: the first that matches gives the reason. */
const THREATS: readonly Threat[] = [
  {
    says: (t) => THREAT.test(t),
    reason: 'This reads as a threat; a bottom line is simply what you will do.',
    suggestion: 'Try “I will …” or “I will no longer …”, e.g. “I will no longer give you money.”',
  },
  {
    says: (t) => ULTIMATUM_ONCE.test(t),
    reason: 'An ultimatum reads as a threat; a bottom line is simply what you will do.',
    suggestion: OWN_ACTION_INSTEAD,
  },
  {
    says: (t) => OR_LOSS.test(t),
    reason: 'An ultimatum reads as a threat; a bottom line is simply what you will do.',
    suggestion: OWN_ACTION_INSTEAD,
  },
  {
    says: saysLoss,
    reason: 'This reads as a threat: it says what will happen to them, not what you will do.',
    suggestion: OWN_ACTION_INSTEAD,
  },
  {
    says: (t) => RUIN.test(t),
    reason: 'This reads as a threat: it says what will happen to them, not what you will do.',
    suggestion: OWN_ACTION_INSTEAD,
  },
];
const ORDER =
  /\byou(?:['’]ll|\s+will|\s+must|\s+have\s+to|['’]ve\s+got\s+to|\s+need\s+to|\s+should|['’]d\s+better|\s+had\s+better|\s+are\s+going\s+to|['’]re\s+going\s+to|\s+are\s+to|\s+are\s+not\s+allowed|['’]re\s+not\s+allowed|\s+can(?:not|['’]t)|\s+won['’]t\s+be\s+allowed)\b/i;
const CONTROL = /\bI(?:['’]ll|\s+will|\s+am\s+going\s+to|['’]m\s+going\s+to)\s+(?:make|force|get)\s+you\b/i;
// "Try" only as the writer's own hedge: "I will no longer try to fix things for you" is fine.
const HEDGE =
  /\b(?:maybe|perhaps|probably|possibly|hopefully)\b|\bI(?:['’]ll|\s+will|\s+am\s+going\s+to|['’]m\s+going\s+to)?\s+try\b|\bI\s+(?:might|may|could)\b|\bI\s+(?:think|guess|hope)\s+I\b/i;
const GROUP = /^\s*(?:we|we['’]ll|we['’]re|we\s+all)\b/i;
const OWN_ACTION =
  /\bI(?:['’]ll|\s+will|\s+shall|\s+won['’]t|\s+am\s+(?:not\s+)?going\s+to|['’]m\s+(?:not\s+)?going\s+to|\s+can\s+no\s+longer|\s+(?:have|['’]ve)\s+decided|['’]ve\s+decided|\s+am\s+no\s+longer|['’]m\s+no\s+longer|\s+refuse\s+to|\s+will\s+not|\s+am\s+done|['’]m\s+done)\b/i;

const OWN_ACTION_EXAMPLE = 'Try “I will …” or “I will no longer …”, e.g. “I will no longer give you money.”';

function mainClause(statement: string): string {
  return statement.replace(LEADING_CONDITION, '').replace(TRAILING_CONDITION, '');
}

export function checkBottomLine(statement: string): BottomLineCheck {
  const text = statement.trim();
  if (text.length === 0) {
    return { ok: false, reason: 'Write what you will do if help is refused.', suggestion: OWN_ACTION_EXAMPLE };
  }
  const threat = THREATS.find((t) => t.says(text));
  if (threat !== undefined) return { ok: false, reason: threat.reason, suggestion: threat.suggestion };
  const main = mainClause(text);
  if (ORDER.test(main)) {
    return {
      ok: false,
      reason: 'This tells them what to do; a bottom line states what you will do.',
      suggestion: 'Turn it into your own action: instead of “You will move out”, “I will no longer let you live here”.',
    };
  }
  if (CONTROL.test(text)) {
    return {
      ok: false,
      reason: 'You cannot make them do anything; you can only decide what you will do.',
      suggestion: 'Say what you will stop or start doing: “I will no longer …”.',
    };
  }
  if (HEDGE.test(text)) {
    return {
      ok: false,
      reason: 'A bottom line has to be certain; “might” or “try” invites bargaining.',
      suggestion: 'Only write what you are sure you will follow through on, and say it plainly: “I will …”.',
    };
  }
  if (!OWN_ACTION.test(main) && GROUP.test(main)) {
    return {
      ok: false,
      reason: 'Each person owns their own bottom line, so speak for yourself.',
      suggestion: 'Write it as “I will …”; others can add their own.',
    };
  }
  if (!OWN_ACTION.test(main)) {
    return {
      ok: false,
      reason: 'A bottom line should say what you will do.',
      suggestion: OWN_ACTION_EXAMPLE,
    };
  }
  return { ok: true };
}
