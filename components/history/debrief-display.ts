import { OUTCOME_LABEL, WENT_WRONG_INFO } from '../review/debrief-labels';
import { OUTCOMES, WENT_WRONG } from '@/lib/plan/debrief-values';

export interface DisplayField {
  field: string;
  label: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A debrief state (the history API's JSON of `board/<b>/debrief/<n>`) as labelled texts, so the
 * history shows and compares it like letters and notes: the choices in words, a note per
 * participant under their name. `states` are the moments shown together (a comparison lists the
 * notes of both).
 */
export function debriefDisplay(
  states: readonly Readonly<Record<string, unknown>>[],
  nameOf: (userId: string) => string,
): { fields: DisplayField[]; values: Record<string, string>[] } {
  const keys = [...new Set(states.flatMap((state) => Object.keys(record(state.participantNotes))))].sort();
  const fields: DisplayField[] = [
    { field: 'outcome', label: 'How did it end?' },
    { field: 'wentWrong', label: 'What went wrong' },
    { field: 'details', label: 'What happened' },
    ...keys.map((key) => ({
      field: `note:${key}`,
      label: `Note: ${key.startsWith('team:') ? 'someone on the team without an account' : nameOf(key)}`,
    })),
    { field: 'lessons', label: 'Lessons for next time' },
  ];
  const values = states.map((state) => {
    const outcome = OUTCOMES.find((o) => o === state.outcome) ?? '';
    const ticked = Array.isArray(state.wentWrong) ? state.wentWrong : [];
    const notes = record(state.participantNotes);
    const out: Record<string, string> = {
      outcome: OUTCOME_LABEL[outcome],
      wentWrong: WENT_WRONG.filter((item) => ticked.includes(item))
        .map((item) => WENT_WRONG_INFO[item].label)
        .join('\n\n'),
      details: text(state.details),
      lessons: text(state.lessons),
    };
    for (const key of keys) out[`note:${key}`] = text(notes[key]);
    return out;
  });
  return { fields, values };
}
