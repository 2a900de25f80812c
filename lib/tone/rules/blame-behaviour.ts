/**
 * Blame through the behaviour rather than the person (the "because of you" cousins, which stay
 * in blame.ts): "because of your gambling, the kids ...", the sarcastic "thanks to your habit,
 * we ...", "your drinking ruined Mia's graduation", "you've wrecked this family", "you turn every
 * birthday into a scene". Saying who caused the harm makes people defend themselves instead of
 * hearing how it felt, whether the cause named is the person or their drinking.
 *
 * Flagged:
 * - "because of your X" and "thanks to your X" when X is a behaviour (drinking, gambling,
 *   habit, lies, temper ...); "thanks to your" is sarcasm there, as nobody thanks a habit;
 * - "thanks to you" when its part of the sentence names a loss ("thanks to you, we lost the
 *   house");
 * - the loved one or their behaviour as the subject of a verb of ruin (ruin, wreck, destroy,
 *   spoil, tear apart, turn ... into a scene) done to someone or something else.
 *
 * Not flagged:
 * - gratitude: "because of your help", "thanks to you, I learned to ride a bike" (only
 *   behaviours count after "your", and "thanks to you" needs a loss);
 * - worry for the loved one: "your drinking is wrecking your health", "you're ruining your
 *   life": the harm is to them, and saying so is concern, not blame;
 * - negation ("you didn't ruin anything") and the writer's own fear ("I had ruined our
 *   friendship"), which the patterns do not match;
 * - warm sentences, as for "because of you".
 */
import { contrastSegment, tokensAfter } from '../text/clause';
import { tokenize } from '../text/tokens';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

const BEHAVIOURS =
  'drinking|gambling|habit|habits|using|drug\\s+use|addiction|lies|lying|temper|anger|rages|outbursts|behaviou?r|choices|partying|drugs|pills|bottle|betting|spending|moods|disappearing|absences|binges|benders|hangovers';

/** Losses that make "thanks to you" sarcastic. */
const LOSSES: ReadonlySet<string> = new Set([
  'lost',
  'lose',
  'losing',
  'ruined',
  'missed',
  'broke',
  'broken',
  'bankrupt',
  'debt',
  'debts',
  'evicted',
  'fired',
  'cried',
  'crying',
  'alone',
  'police',
  'court',
  'jail',
  'hospital',
  'er',
  'nothing',
  'repossessed',
  'foreclosed',
  'embarrassed',
  'humiliated',
  'ashamed',
  'scared',
]);

/** Harm to the loved one themselves is concern, not blame: "wrecking your health". */
const THEIR_OWN: ReadonlySet<string> = new Set(['your', 'yours', 'yourself', 'you']);

function isColdSegment(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

function thanksToYouIsSarcastic(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  if (isWarm(m.text.slice(segment.start, segment.end))) return false;
  return tokenize(m.text, m.end, segment.end).some((t) => LOSSES.has(t.word));
}

function harmsOthers(m: MatchContext): boolean {
  const object = tokensAfter(m.text, m.end, 1)[0]?.word;
  return (object === undefined || !THEIR_OWN.has(object)) && isColdSegment(m);
}

const REASON = 'Blame tends to make people defend themselves, and then they stop listening.';
const SUGGESTION =
  'Say what happened and how it affected you, without saying who caused it: “Last Christmas, I felt …”.';
const RUIN =
  'ruin|ruins|ruined|ruining|wreck|wrecks|wrecked|wrecking|destroy|destroys|destroyed|destroying|spoil|spoils|spoiled|spoilt|spoiling';
/** "you", with the auxiliaries and adverbs that may come before the verb. */
const YOU = String.raw`you(?:['’]ve|['’]re|['’]d|\s+have|\s+had|\s+are|\s+were|\s+keep)?(?:\s+(?:always|just|really|completely|totally|basically|now|single-handedly))?`;
const YOUR_BEHAVIOUR = String.raw`your\s+(?:${BEHAVIOURS})(?:\s+(?:has|have|had|is|was|keeps))?(?:\s+(?:always|just|really|completely|totally))?`;

export const BEHAVIOUR_BLAME_RULES: readonly PhraseRule[] = [
  {
    rule: 'blame',
    pattern: new RegExp(String.raw`\b(?:because\s+of|thanks\s+to)\s+your\s+(?:${BEHAVIOURS})\b`, 'gi'),
    accept: isColdSegment,
    reason: REASON,
    suggestion: 'Talk about the illness and its effects rather than fault: “Since the drinking got worse, I …”.',
  },
  {
    rule: 'blame',
    pattern: /\bthanks\s+to\s+you\b(?!['’])/gi,
    accept: thanksToYouIsSarcastic,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'blame',
    pattern: new RegExp(String.raw`\b(?:${YOU}|${YOUR_BEHAVIOUR})\s+(?:${RUIN})\b`, 'gi'),
    accept: harmsOthers,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'blame',
    pattern: new RegExp(
      String.raw`\b(?:${YOU}|${YOUR_BEHAVIOUR})\s+(?:turn|turns|turned|turning|tore|tear|tears|tearing|torn)\s+(?:[a-z'’-]+\s+){1,4}?(?:into\s+(?:a|an)\s+(?:scene|nightmare|mess|fight|disaster|circus|battle|war(?:\s+zone)?|drama|horror\s+show)|apart)\b`,
      'gi',
    ),
    accept: isColdSegment,
    reason: REASON,
    suggestion: SUGGESTION,
  },
];
