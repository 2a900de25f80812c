/**
 * What staging the next attempt carries over and what starts afresh (server/attempts/stage.ts),
 * in words: said before staging, and again at the top of the new attempt.
 */
export const CARRIED = [
  'the team: people, roles, attendance and speaking order',
  'the approach, bottom lines (with their statuses), contingencies and objections',
  'treatment options, the escort and the safety plan',
  'every participant’s letters, as drafts',
  'the questions still waiting for an answer, with who asked them',
];

export const AFRESH = [
  'the date, the time and the rehearsal date are cleared',
  'letters are private again until each person shares them, and are reviewed again',
  'the debrief stays with the attempt it describes',
];
