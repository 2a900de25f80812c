/**
 * Bottom-line statements for issue 16, item 3, written for the product: the writer's own action
 * passes; a threat or a loss said to the loved one, or a demand on them, fails with its reason.
 * About half are near-misses: own actions that mention the loved one, or that sound firm.
 *
 * Decisions:
 * - A loss said to them is a threat even when it sounds like a prediction ("you will lose your
 *   family", "you'll end up on the street"): it is said to push, not to inform, and the article
 *   asks for consequences the writer chooses and keeps.
 * - "You will have to move out", "you need to find a job" are demands (the order verdict): they
 *   tell the loved one what to do; the own-action form is "I will no longer let you live here".
 * - Withholding something as the writer's own action is fine even when it is hard: "I will not
 *   let you see the kids while you are drinking".
 */
export type Verdict = 'ok' | 'empty' | 'threat' | 'order' | 'control' | 'hedge' | 'group' | 'no-action';

export const BOTTOM_LINE_STATEMENTS: ReadonlyArray<readonly [statement: string, verdict: Verdict]> = [
  ['You will lose your family.', 'threat'],
  ["You'll never see the kids again.", 'threat'],
  ["Go to rehab or you're out.", 'threat'],
  ["It's rehab or the street.", 'threat'],
  ["If you refuse help today, don't bother coming home.", 'threat'],
  ["I will change the locks, and you'll be on your own.", 'threat'],
  ['I will move out, and you will lose me.', 'threat'],
  ["You'll end up on the street.", 'threat'],
  ['You will no longer be welcome in this house.', 'threat'],
  ['You must go to treatment tomorrow.', 'order'],
  ['You need to find somewhere else to live.', 'order'],
  ['If you refuse help, you will have to move out.', 'order'],
  // Near-misses: the writer's own action, firm or mentioning the loved one.
  ['I will no longer pay your phone bill.', 'ok'],
  ['I will not let you see the kids while you are drinking.', 'ok'],
  ['If you say no today, I will stop lending you the car.', 'ok'],
  ['I will no longer answer the phone when you call drunk.', 'ok'],
  ['I will move out of our house and stay with my mother.', 'ok'],
  ['If you leave today, I will no longer let you stay here.', 'ok'],
  ['I will not give you money for the rent or the car.', 'ok'],
  ["I won't be there to pick you up from the bar anymore.", 'ok'],
];
