/**
 * Table-driven tests for the phrase rules: each row is a sentence, the letter kind, and the
 * exact rules expected in order of position. Empty means the sentence must NOT be flagged;
 * those rows matter as much as the others, because a checker that nags wrongly stops being
 * trusted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLetter, type LetterKind, type ToneRule } from './index';

type Row = readonly [sentence: string, kind: LetterKind, expected: readonly ToneRule[]];

const I: LetterKind = 'impact';
const B: LetterKind = 'bottom-line';

const ROWS: readonly Row[] = [
  // Generalisations about the loved one's behaviour.
  ['You never come home on time.', I, ['generalisation']],
  ['Always the bottle before us, and you always have an excuse.', I, ['generalisation']],
  ['You are always late to pick up the kids.', I, ['generalisation']],
  ["You're constantly on your phone hiding messages.", I, ['generalisation']],
  ['Every time you drink, you get angry.', I, ['generalisation']],
  ['Everytime you go out, I wait up.', I, ['generalisation']],
  ["It's always about you.", I, ['generalisation']],
  ['Your drinking always comes first.', I, ['generalisation']],
  ['Why do you always lie to me?', I, ['generalisation']],
  ['Never once did you call on my birthday.', I, ['generalisation']],
  ['I love you, but you never listen.', I, ['generalisation']],
  ['ALWAYS, you choose the bar over us? No: you always choose it.', I, ['generalisation']],
  // Negations, reassurance and the writer's own promises: not generalisations about them.
  ['I will never stop loving you.', I, []],
  ['I never want to lose you.', I, []],
  ['I have always loved you.', I, []],
  ["I'll always be here for you.", I, []],
  ["We'll always be your family.", I, []],
  ['You will always be my son.', I, []],
  ["You're always welcome in our home.", I, []],
  ["You don't always call when you're running late.", I, []],
  ["You haven't always been like this.", I, []],
  ['Always remember that I love you.', I, []],
  ['Never again will I lend you money.', B, []],
  ['Every time I see you smile, I remember who you are.', I, []],
  ['The hallways were quiet and forever felt long.', I, []],
  ['You were always the funny one.', I, []],
  ['You always had a smile for everyone.', I, []],
  ['You always laugh it off when I bring it up.', I, ['generalisation']],
  ['You never help around the house.', I, ['generalisation']],
  // Blame.
  ['You made me lie to your boss.', I, ['blame']],
  ['You make me feel worthless.', I, ['blame']],
  ["You've made me cover for you too many times.", I, ['blame']],
  ['Because of you, I lost my job.', I, ['blame']],
  ['I love you, but because of you we lost the house.', I, ['blame']],
  ['It is all your fault.', I, ['blame']],
  ['You made me so proud at your graduation.', I, []],
  ['You always make me laugh.', I, []],
  ['I smile because of you.', I, []],
  ["It's not your fault that you are sick.", I, []],
  ['None of this is your fault.', I, []],
  // Disguised you-statements.
  ["I feel like you don't care about us anymore.", I, ['disguised-you']],
  ['I feel that you are slipping away.', I, ['disguised-you']],
  ["I felt like you'd rather be anywhere else.", I, ['disguised-you']],
  ["I feel scared when you drive after you've been drinking.", I, []],
  ['I feel your pain.', I, []],
  // Group voice and hearsay.
  ['We all think you need help.', I, ['group-voice']],
  ['Everyone knows you drink at work.', I, ['group-voice']],
  ["We're all worried that you'll crash the car.", I, ['group-voice']],
  ['Everyone at the party saw you fall.', I, ['group-voice']],
  ['We all love you.', I, []],
  ['We all know how much you love your kids.', I, []],
  ['Everyone makes mistakes.', I, []],
  ['We all went to the lake that summer.', I, []],
  ['I heard from your boss that you missed work.', I, ['hearsay']],
  ['Mom told me you were fired.', I, ['hearsay']],
  ['Your sister has told me about the pills.', I, ['hearsay']],
  ['You told me you would stop.', I, []],
  ['You once told me that fishing with Grandpa was your happiest memory.', I, []],
  ['I heard you crying in the bathroom last night.', I, []],
  ['The doctor told me you need detox.', I, ['hearsay']],
  ['Grandma told me to tell you she loves you.', I, []],
  // Labels.
  ['You are an addict.', I, ['label']],
  ["You're an alcoholic, and it's killing you.", I, ['label']],
  ['Living with a junkie is not living.', I, ['label']],
  ['You have become a drug abuser.', I, ['label']],
  ["You're a drunk.", I, ['label']],
  ["You're a mean drunk and a liar.", I, ['label']],
  ['You were clean for six months.', I, ['label']],
  ['You have been clean since March.', I, ['label']],
  ['I want you to get clean.', I, ['label']],
  ['Your last test came back dirty.', I, ['label']],
  ['The dirty test scared me.', I, ['label']],
  ['I was so proud when you were clean and sober.', I, ['label']],
  ['You’re an alcoholic.', I, ['label']],
  ['You were a happy drunk once.', I, ['label']],
  ["You're always kind of drunk.", I, ['generalisation']],
  ['I hated seeing you that drunk.', I, []],
  ['You looked clean and rested.', I, []],
  ['I’m a recovering addict, so I know.', I, []],
  ['You were drunk at the wedding.', I, []],
  ['You were a little drunk at dinner.', I, []],
  ['The drunk driver never saw the light.', I, []],
  ['I cleaned the kitchen after you left.', I, []],
  ['You finally came clean about the money.', I, []],
  ['We can start again with a clean slate.', I, []],
  ['The sink was full of dirty dishes.', I, []],
  ['I am a recovering alcoholic myself, and I know it can be done.', I, []],
  ["I've been clean for ten years.", I, []],
  ['We went to an Alcoholics Anonymous meeting together.', I, []],
  ['I bought non-alcoholic drinks for the party.', I, []],
  ["He's an adrenaline junkie.", I, []],
  ['You are a person with a substance-use disorder, and you are in recovery.', I, []],
  ['Your addiction is an illness, and you are addicted, not bad.', I, []],
  // Threats: impact letters only.
  ["If you don't go today, I will leave.", I, ['threat']],
  ['Get help or else.', I, ['threat']],
  ['This is your last chance.', I, ['threat']],
  ["If you don't go today, I will move out.", B, []],
  ['This is your last chance.', B, []],
  ["I'll understand if you don't want to talk today.", I, []],
  ["Even if you don't accept help today, I will love you.", I, []],
  ["If you don't mind, I'd like to read this to you.", I, []],
  ['It was my last chance to see Grandpa.', I, []],
  ["If you don't want to go today, I understand.", I, []],
  ["If you don't go today, I will still love you.", I, []],
  ["I love you, but if you don't go today, I'm leaving.", I, ['threat']],
  // Quoted speech is someone's words recalled, not the writer's.
  ['You said "I\'ll never drink again" and I believed you.', I, []],
  ['You said “I’m not an addict, I can stop anytime.”', I, []],
  ["You said 'I'm not a drunk' and slammed the door.", I, []],
  ['Your friend said "everyone knows he\'s a junkie."', I, []],
  ['You said "I\'ll never drink again" and you always do.', I, ['generalisation']],
  ['You said “fine” but you’re always an addict to me.', I, ['generalisation', 'label']],
  // Several rules in one sentence, in order of position.
  ['You always make me cover for you, you junkie.', I, ['blame', 'generalisation', 'label']],
  ['Everyone says you never stop, or else you would be home.', I, ['group-voice', 'generalisation', 'threat']],
];

describe('checkLetter phrase rules (table)', () => {
  it('has at least 60 rows', () => {
    assert.ok(ROWS.length >= 60, `only ${ROWS.length} rows`);
  });
  for (const [sentence, kind, expected] of ROWS) {
    it(`${kind}: ${sentence}`, () => {
      const flags = checkLetter(sentence, kind).flags;
      assert.deepEqual(
        flags.map((f) => f.rule),
        expected,
        `flags: ${JSON.stringify(flags.map((f) => [f.rule, f.phrase]))}`,
      );
    });
  }
});
