/**
 * The evaluation table for issue 16: sentences written for this product the way upset relatives
 * actually write, each with the letter kind and the rules a careful reader would flag (empty:
 * not flagged). Together with the original table (regression-rows.ts) it is what precision and
 * recall are measured on (evaluate.ts, evaluation.test.ts).
 *
 * Each group probes one kind of miss or false alarm from the issue, and about half of each
 * group are near-misses from the other side: a warm or harmless sentence shaped like a flagged
 * one, or a flagged sentence shaped like a warm one. A rule that only learnt the flagged half
 * would nag on the other.
 *
 * Decisions, so the table can be argued with:
 * - Passing on love or a greeting is not hearsay ("your aunt says she misses you"), for the same
 *   reason as "Grandma told me to tell you she loves you" in the original table: the rule is
 *   about second-hand accounts of what the loved one did, which they can dispute, not about
 *   news that someone cares. A claim about them ("your aunt says you called her") is hearsay.
 * - A consequence for the loved one said in an impact letter ("if you leave, don't call me") is
 *   a threat, like "if you don't go today, I will leave" in the original table. In a
 *   bottom-line letter the writer's own action ("I will move out") is the expected shape, but a
 *   threat or a loss said to them ("don't bother calling", "you'll lose your family") is not.
 * - Saying that they, or their drinking, ruined something for others is blame ("you've wrecked
 *   this family", "your drinking ruined Mia's graduation"); the advice is the same as for
 *   "because of you". Worry about their own health ("your drinking is wrecking your health")
 *   is concern, not blame.
 * - A word for what they are ("coward", "liar", "selfish", "a failure as a father") is
 *   name-calling; the writer describing themselves ("I was a coward") or denying it ("you're
 *   not a failure") is not.
 * - Intensified generalisations ("each and every weekend", "every single time", "all the
 *   time") are generalisations when said of the loved one; "every weekend" without the
 *   intensifier is often a plain fact ("you had the kids every other weekend") and is left out.
 * - Praise is not a generalisation to argue with: "you never forgot my birthday" (never + a
 *   failing), "you always knew how to cheer me up". A failing said to be constant still is:
 *   "you always let me down", "you never miss a chance to drink".
 * - A "never" that is part of a threat ("if you drink again, you'll never see the kids") is the
 *   threat rule's, not a second flag for a sweeping claim.
 */
import type { LetterKind, ToneRule } from '../types';

/** The kind of miss or false alarm from the issue that a row probes. */
export type Shape =
  | 'hearsay'
  | 'ultimatum'
  | 'behaviour-blame'
  | 'intensified-generalisation'
  | 'label-punctuation'
  | 'name-calling'
  | 'warm-generalisation'
  | 'mixed';

export interface EvaluationRow {
  text: string;
  kind: LetterKind;
  /** Rules expected, in order of position; empty when nothing should be flagged. */
  expect: readonly ToneRule[];
  shape: Shape;
}

const I: LetterKind = 'impact';
const B: LetterKind = 'bottom-line';

type Group = ReadonlyArray<readonly [text: string, kind: LetterKind, expect: readonly ToneRule[]]>;

const HEARSAY: Group = [
  ['Your aunt says you called her at two in the morning, slurring.', I, ['hearsay']],
  ['The neighbours mentioned that you were shouting in the driveway again.', I, ['hearsay']],
  ['Your boss said you fell asleep at your desk twice last week.', I, ['hearsay']],
  ['Apparently you borrowed money from Grandma again.', I, ['hearsay']],
  ['According to your sister, you have been drinking in the car.', I, ['hearsay']],
  ['I hear you have been going to the casino after work.', I, ['hearsay']],
  ['Uncle Pete claims you sold his tools.', I, ['hearsay']],
  ["She said you didn't come home until Sunday.", I, ['hearsay']],
  // Near-misses: love passed on, their own words, listening, facts about treatment.
  ['Your aunt says she misses you.', I, []],
  ['Your daughter says she loves you and wants you home.', I, []],
  ["Your grandmother says hello, and she's praying for you.", I, []],
  ["You said you'd stop after the holidays.", I, []],
  ['I hear you, and I know this is hard.', I, []],
  ['The doctor says detox takes about a week.', I, []],
  ["I said I'd drive you to the clinic, and I will.", I, []],
];

const ULTIMATUMS: Group = [
  ["If you leave this room, don't call me.", I, ['threat']],
  ["It's rehab or the street.", I, ['threat']],
  ["If you walk out that door, we're done.", I, ['threat']],
  ["One more drink and I'm gone for good.", I, ['threat']],
  ["Get help today or you're out of this house.", I, ['threat']],
  ["It's us or the bottle, Dan.", I, ['threat']],
  ["If you drink again, you'll never see the kids.", I, ['threat']],
  ["The next time you come home high, I'm changing the locks.", I, ['threat']],
  ['Choose: your family or the pills.', I, ['threat']],
  ["If you refuse help today, don't bother calling me.", B, ['threat']],
  ["If you won't go today, you'll lose your family.", B, ['threat']],
  ["It's rehab or the street, your choice.", B, ['threat']],
  // Near-misses: patience, choices that are all help, the writer's own bottom line.
  ["If you leave this room, I'll still be here when you're ready.", I, []],
  ["Whether you go today or tomorrow, I'm proud of you.", I, []],
  ['You can call me or text me any time, day or night.', I, []],
  ['If you ever want to talk, call me.', I, []],
  ['We found two places, a clinic or an outpatient program, and you can choose.', I, []],
  ['Sooner or later the truth came out, and I was relieved.', I, []],
  ["If you go today, I'll drive you there myself.", I, []],
  ["I'm done pretending everything is fine.", I, []],
  ['If you refuse help today, I will move out and stay with my sister.', B, []],
  ['I love you, and if you say no today, I will no longer pay your phone bill.', B, []],
];

const BEHAVIOUR_BLAME: Group = [
  ['Because of your gambling, the kids have no winter coats.', I, ['blame']],
  ['Thanks to your habit, we spent Christmas at the police station.', I, ['blame']],
  ['You turn every birthday into a scene.', I, ['blame']],
  ["Your drinking ruined Mia's graduation.", I, ['blame']],
  ["You've wrecked this family.", I, ['blame']],
  ['Thanks to you, we lost the house.', I, ['blame']],
  ["We're broke because of your lying.", I, ['blame']],
  ['You made me feel invisible at my own wedding.', I, ['blame']],
  // Near-misses: gratitude, concern for their health, the writer's own fear, negation.
  ['Because of your help, I finished nursing school.', I, []],
  ['Thanks to you, I learned to ride a bike.', I, []],
  ["I'm scared your drinking is wrecking your health.", I, []],
  ['Because of your courage back then, I believe you can do this.', I, []],
  ['You made every birthday special when we were kids.', I, []],
  ['I was afraid I had ruined our friendship.', I, []],
  ["You didn't ruin anything; the illness did.", I, []],
];

const INTENSIFIED_GENERALISATIONS: Group = [
  ['Each and every weekend you disappear.', I, ['generalisation']],
  ['Every last time you promised, you broke it.', I, ['generalisation']],
  ['You lie to me every single time.', I, ['generalisation']],
  ["You're on your phone all the time when the kids talk to you.", I, ['generalisation']],
  ['Each time you drink, you get mean.', I, ['generalisation']],
  ['You cancel on the kids every single weekend.', I, ['generalisation']],
  // Near-misses: the writer's own constancy, and plain facts.
  ['I think about you every single day.', I, []],
  ['Each and every time I see you laugh, I remember my brother.', I, []],
  ['I waited up for you every night that winter.', I, []],
  ['Every single time I needed a ride, you came.', I, []],
  ['I want to be there for you every step of the way.', I, []],
];

const LABELS_WITH_PUNCTUATION: Group = [
  ["You're an addict, that's the truth.", I, ['label']],
  ["You're a drunk, Sam, and you know it.", I, ['label']],
  ["You're a drunk—that's all the kids see now.", I, ['label']],
  ["You're an alcoholic, drinks or no drinks.", I, ['label']],
  ["You've turned into a junkie; I barely know you.", I, ['label']],
  ['You are a drunk! Look at yourself.', I, ['label']],
  // Near-misses: the adjective, things, person-first words, the writer's own recovery.
  ['You were drunk, Sam, and you drove the kids home.', I, []],
  ['You were so drunk, you fell asleep on the stairs.', I, []],
  ["Non-alcoholic drinks, juice and coffee are all we'll serve.", I, []],
  ["You're a person with an addiction, and you can get better.", I, []],
  ["I'm an alcoholic, sober nine years, and I know the way back.", I, []],
];

const NAME_CALLING: Group = [
  ["You're a coward.", I, ['name-calling']],
  ["You're a failure as a father.", I, ['name-calling']],
  ['You are so selfish, Mark.', I, ['name-calling']],
  ['You liar, you promised me.', I, ['name-calling']],
  ["You're pathetic when you beg for money.", I, ['name-calling']],
  ["You're nothing but a liar.", I, ['name-calling']],
  ["You've become a thief in your own mother's house.", I, ['name-calling']],
  // Near-misses: praise, denial, the writer naming themselves.
  ["You're a wonderful father when you're sober.", I, []],
  ["I felt like a failure when I couldn't help you.", I, []],
  ["You're not a failure; you're sick, and you can get well.", I, []],
  ['I was a coward for not saying this sooner.', I, []],
  ["You're the bravest person I know.", I, []],
  ['It was selfish of me to stay silent.', I, []],
  ['You are not weak for needing help.', I, []],
];

const WARM_GENERALISATIONS: Group = [
  ['You never forgot my birthday, not once.', I, []],
  ['You always were the one who made us laugh.', I, []],
  ['You never missed one of my games.', I, []],
  ['You always knew how to cheer me up.', I, []],
  ['You were always the one who kept us all laughing.', I, []],
  ['You never once let me down when I was little.', I, []],
  ['You called me every Sunday when I was at college.', I, []],
  // Near-misses: failings said to be constant.
  ['You never miss a chance to drink.', I, ['generalisation']],
  ['You always let me down.', I, ['generalisation']],
  ['You never remember my birthday anymore.', I, ['generalisation']],
  ['You were always the one who started the fights.', I, ['generalisation']],
];

/**
 * Found while probing after the rules were raised, and kept although the rules still flag them:
 * praise of a habit with no caring phrase in it ("pick up when I call") looks exactly like a
 * complaint to a word-list check. They stay so the figures do not flatter (see docs/tone.md).
 */
const KNOWN_FALSE_ALARMS: Group = [
  ['You always pick up when I call.', I, []],
  ['You never let anyone go hungry.', I, []],
  ['Every single time you hugged the kids, they lit up.', I, []],
  ['You were on the phone with me all the time when I was sick.', I, []],
];

const MIXED: Group = [
  ["Your aunt says you're a drunk, and honestly, you are.", I, ['hearsay', 'label']],
  ["You're a liar, and because of your drinking we lost the house.", I, ['name-calling', 'blame']],
  ["Each and every weekend you get drunk, and if you leave today, don't come back.", I, ['generalisation', 'threat']],
];

function rows(group: Group, shape: Shape): EvaluationRow[] {
  return group.map(([text, kind, expect]) => ({ text, kind, expect, shape }));
}

export const NEW_ROWS: readonly EvaluationRow[] = [
  ...rows(HEARSAY, 'hearsay'),
  ...rows(ULTIMATUMS, 'ultimatum'),
  ...rows(BEHAVIOUR_BLAME, 'behaviour-blame'),
  ...rows(INTENSIFIED_GENERALISATIONS, 'intensified-generalisation'),
  ...rows(LABELS_WITH_PUNCTUATION, 'label-punctuation'),
  ...rows(NAME_CALLING, 'name-calling'),
  ...rows(WARM_GENERALISATIONS, 'warm-generalisation'),
  ...rows(KNOWN_FALSE_ALARMS, 'warm-generalisation'),
  ...rows(MIXED, 'mixed'),
];
