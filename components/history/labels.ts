import type { PlanPart } from '@/lib/diff';

/**
 * Readable names for what the history shows: the plan's parts, their fields and their values,
 * worded as on the board's own sections (components/plan/sections), so a change reads the same
 * in both places.
 */

export const PART_LABEL: Record<PlanPart, string> = {
  approach: 'Approach and goals',
  team: 'Team',
  bottomLines: 'Bottom lines',
  contingencies: 'Contingencies',
  objections: 'Objections',
  treatment: 'Treatment options',
  escort: 'Escort to treatment',
  logistics: 'Logistics',
  safety: 'Safety plan',
  questions: 'Questions',
};

/** The timeline's sections: several parts share one (escort is on the treatment page). */
const SECTION_OF_FIELD: Record<string, string> = {
  approach: 'Approach and goals',
  team: 'Team',
  bottomLines: 'Bottom lines',
  contingencies: 'Contingencies',
  objections: 'Objections',
  treatment: 'Treatment and escort',
  escort: 'Treatment and escort',
  logistics: 'Logistics',
  safety: 'Safety plan',
  questions: 'Questions',
  meta: 'Plan setup',
  impact: 'Impact letter',
  bottomLine: 'Bottom-line letter',
  notes: 'Private notes',
};

/** The section a timeline field belongs to: "logistics.place" → "Logistics". */
export function sectionOfField(field: string): string {
  const top = field.split('.')[0] ?? field;
  return SECTION_OF_FIELD[top] ?? 'Other';
}

export const FIELD_LABEL: Record<PlanPart, Record<string, string>> = {
  approach: { model: 'Model', goals: 'Our goals, in our own words', ladder: 'Escalation ladder' },
  team: { name: 'Name', relationship: 'Relationship', roles: 'Roles', attendance: 'Attendance', readBy: 'Letter read by', seat: 'Seat', memberId: 'Account on this board' },
  bottomLines: { owner: 'Whose bottom line', statement: 'I will …', status: 'Follow-through', enabling: 'The enabling it ends', followUp: 'Follow-through notes' },
  contingencies: { title: 'Situation', trigger: 'How we will know (trigger)', who: 'Who acts', steps: 'Steps', preset: 'Preset' },
  objections: { objection: 'They might say', answeredBy: 'Who answers', answer: 'What we say' },
  treatment: { name: 'Programme', level: 'Level of care', insuranceChecked: 'Insurance checked', admissionDate: 'Admission date', bedHeld: 'Bed held', contact: 'Contact', notes: 'Notes' },
  escort: { driver: 'Who drives', travel: 'Travel', bagPacked: 'Bag packed and ready', medicalDetox: 'Medical detox may be needed' },
  logistics: { date: 'Date', time: 'Time', timing: 'Why this time', place: 'Place', bringer: 'Who brings them', rehearsalDate: 'Rehearsal date' },
  safety: {
    violence: 'Has been violent or threatening before',
    selfHarm: 'Has talked about self-harm or suicide',
    weapons: 'Weapons in the home',
    overdose: 'Risk of overdose',
    naloxone: 'Naloxone on hand',
    riskNotes: 'What else we should know',
    exits: 'Exits',
    codeWord: 'Code word',
    caller: 'Who calls emergency services',
  },
  questions: { question: 'Question', askedByName: 'Asked by', answer: 'Answer', askedBy: 'Asked by (account)' },
};

/** Fields that are bookkeeping, not content: never shown in a snapshot. */
export const HIDDEN_FIELDS = new Set(['id', 'order', 'memberId', 'askedBy', 'preset']);

/** The field that names an item in a list (its card title). */
export const TITLE_FIELD: Record<string, string> = {
  team: 'name',
  bottomLines: 'statement',
  contingencies: 'title',
  objections: 'objection',
  treatment: 'name',
  questions: 'question',
};

const VALUE_LABEL: Record<string, Record<string, string>> = {
  model: { '': 'Not chosen', surprise: 'Formal surprise intervention', invitational: 'Invitational', craft: 'CRAFT first' },
  attendance: { attends: 'Attends', 'letter-read': 'Letter read by someone else', home: 'Stays home' },
  status: { 'not-started': 'Not started', 'in-effect': 'In effect', broken: 'Broken' },
  level: { '': 'Not decided', detox: 'Medical detox', inpatient: 'Inpatient / residential', outpatient: 'Outpatient' },
  roles: {
    chair: 'Chair',
    speaker: 'Speaker',
    closer: 'Closer (last letter)',
    escort: 'Escort to treatment',
    follower: 'Follows if they walk out',
    'safety-lead': 'Safety lead',
    'emergency-caller': 'Calls emergency services',
  },
};

export function fieldLabel(part: PlanPart, field: string): string {
  return FIELD_LABEL[part][field] ?? field;
}

/** A scalar as a person would say it: "Yes", "Not started", "(empty)". */
export function valueLabel(field: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value !== 'string') return '';
  const named = VALUE_LABEL[field]?.[value];
  if (named !== undefined) return named;
  return value === '' ? '(empty)' : value;
}

/** The letters and notes documents' fields. */
export const TEXT_DOC_FIELDS: Record<'letters' | 'notes', readonly { field: string; label: string }[]> = {
  letters: [
    { field: 'impact', label: 'Impact letter' },
    { field: 'bottomLine', label: 'Bottom-line letter' },
  ],
  notes: [{ field: 'notes', label: 'Private notes' }],
};
