/**
 * A second batch of sentences, written after the rules were raised and scored before looking at
 * the result, so the figures on it say how the rules generalise beyond the sentences they were
 * shaped on (sentences.ts). Same decisions as sentences.ts. The first score is recorded in
 * docs/tone.md; the batch stays in the table afterwards, so later changes are measured on it.
 */
import type { LetterKind, ToneRule } from '../types';
import type { EvaluationRow, Shape } from './sentences';

const I: LetterKind = 'impact';
const B: LetterKind = 'bottom-line';

const ROWS: ReadonlyArray<readonly [text: string, kind: LetterKind, expect: readonly ToneRule[], shape: Shape]> = [
  // Hearsay.
  ['Your cousin mentioned you were at the bar on Tuesday.', I, ['hearsay'], 'hearsay'],
  ['My friend Carla said she saw you buying pills behind the pharmacy.', I, ['hearsay'], 'hearsay'],
  ['Your manager told Dad you had been let go.', I, ['hearsay'], 'hearsay'],
  ['Grandpa says you are welcome to stay with him after treatment.', I, [], 'hearsay'],
  ['Dad says he is proud of you for coming today.', I, [], 'hearsay'],
  ['The counsellor said the program lasts thirty days.', I, [], 'hearsay'],
  // Ultimatums.
  ['If I find one more bottle in the garage, you can pack your bags.', I, ['threat'], 'ultimatum'],
  ['If you lie to me again, we are through.', I, ['threat'], 'ultimatum'],
  ["It's treatment or the door, Sam.", I, ['threat'], 'ultimatum'],
  ["If you don't stop, you'll lose the kids.", I, ['threat'], 'ultimatum'],
  ['If you get in the car with us today, we will be right beside you.', I, [], 'ultimatum'],
  ["If you need a break during this, that's okay.", I, [], 'ultimatum'],
  ['If you refuse treatment today, I will stop paying for your car.', B, [], 'ultimatum'],
  ['If you refuse treatment today, you are on your own.', B, ['threat'], 'ultimatum'],
  // Blame through behaviour.
  ['Because of your drinking, Emma is afraid to bring friends home.', I, ['blame'], 'behaviour-blame'],
  ['Thanks to your lies, nobody in this family trusts each other.', I, ['blame'], 'behaviour-blame'],
  ["You've destroyed every holiday we've had since 2019.", I, ['blame'], 'behaviour-blame'],
  ['Because of your encouragement, I went back to school.', I, [], 'behaviour-blame'],
  ["I'm worried the pills are destroying your body.", I, [], 'behaviour-blame'],
  // Intensified generalisations.
  ['You forget to pick up the kids every single Friday.', I, ['generalisation'], 'intensified-generalisation'],
  ["You're drunk all the time now.", I, ['generalisation'], 'intensified-generalisation'],
  ['I pray for you every single night.', I, [], 'intensified-generalisation'],
  ['Each time I visit, I bring the photo of us at the lake.', I, [], 'intensified-generalisation'],
  // Labels with punctuation.
  ["You're a junkie, Mike, and I can't watch it anymore.", I, ['label'], 'label-punctuation'],
  ['You are an alcoholic. That is hard to say.', I, ['label'], 'label-punctuation'],
  ['You were drunk, angry and loud at the wedding.', I, [], 'label-punctuation'],
  // Name-calling.
  ["You're a liar and a thief.", I, ['name-calling'], 'name-calling'],
  ['You have become so selfish.', I, ['name-calling'], 'name-calling'],
  ["You're a terrible mother when you drink.", I, ['name-calling'], 'name-calling'],
  ["You're not a bad person; you have an illness.", I, [], 'name-calling'],
  ["I've been a coward about saying this.", I, [], 'name-calling'],
  // Warm generalisations.
  ['You never judged me when I messed up.', I, [], 'warm-generalisation'],
  ['You always stood up for me at school.', I, [], 'warm-generalisation'],
  ['You always took care of Grandma when she was sick.', I, [], 'warm-generalisation'],
  ['You never call me back.', I, ['generalisation'], 'warm-generalisation'],
  ['You always leave before the kids wake up.', I, ['generalisation'], 'warm-generalisation'],
];

export const HELD_OUT_ROWS: readonly EvaluationRow[] = ROWS.map(([text, kind, expect, shape]) => ({
  text,
  kind,
  expect,
  shape,
}));
