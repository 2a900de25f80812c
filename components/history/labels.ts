import type { PlanPart } from '@/lib/diff';
import { ATTENDANCE, LETTER_FIELDS, META, NOTES_FIELD, TEAM_ROLES } from '@/lib/plan/schema';
import { DEBRIEF_MAP } from '@/lib/plan/debrief-names';
import { LETTER_LABEL, PLAN_SECTIONS, sectionLabel } from '@/lib/plan/sections';
import { calendarDay, clockTime } from '../ui/dates';

/**
 * Readable names for what the history shows: the plan's parts, their fields and their values,
 * worded as on the board's own sections (section and part names come from lib/plan/sections,
 * choices from lib/plan/schema), so a change reads the same in both places.
 */

/** The timeline's sections, in the board's order: several parts share one (escort is on the treatment page). */
const TIMELINE_SECTIONS: readonly { fields: readonly string[]; label: string }[] = [
  { fields: [META], label: 'Plan setup' },
  ...PLAN_SECTIONS.filter((section) => section.parts.length > 0).map((section) => ({
    fields: section.parts,
    label: section.label,
  })),
  ...LETTER_FIELDS.map((field) => ({ fields: [field], label: LETTER_LABEL[field] })),
  { fields: [NOTES_FIELD], label: sectionLabel('notes') },
  // Every part of a debrief document is named `debrief` or `debrief.<field>` (lib/plan/debrief.ts).
  { fields: [DEBRIEF_MAP], label: 'Debrief' },
];

const SECTION_OF_FIELD = new Map(
  TIMELINE_SECTIONS.flatMap(({ fields, label }) => fields.map((field) => [field, label] as const)),
);

/** The section a timeline field belongs to: "logistics.place" → "Logistics". */
export function sectionOfField(field: string): string {
  const top = field.split('.')[0] ?? field;
  return SECTION_OF_FIELD.get(top) ?? 'Other';
}

/** Where a timeline section sorts: in the board's order, anything else last. */
export function timelineSectionRank(label: string): number {
  const rank = TIMELINE_SECTIONS.findIndex((section) => section.label === label);
  return rank < 0 ? TIMELINE_SECTIONS.length : rank;
}

export const FIELD_LABEL: Record<PlanPart, Record<string, string>> = {
  approach: { model: 'Model', goals: 'Our goals, in our own words', ladder: 'Escalation ladder' },
  team: {
    name: 'Name',
    relationship: 'Relationship',
    roles: 'Roles',
    attendance: 'Attendance',
    readBy: 'Letter read by',
    seat: 'Seat',
    memberId: 'Account on this board',
  },
  bottomLines: {
    owner: 'Whose bottom line',
    statement: 'I will …',
    status: 'Follow-through',
    enabling: 'The enabling it ends',
    followUp: 'Follow-through notes',
  },
  contingencies: {
    title: 'Situation',
    trigger: 'How we will know (trigger)',
    who: 'Who acts',
    steps: 'Steps',
    preset: 'Preset',
  },
  objections: { objection: 'They might say', answeredBy: 'Who answers', answer: 'What we say' },
  treatment: {
    name: 'Programme',
    level: 'Level of care',
    insuranceChecked: 'Insurance checked',
    admissionDate: 'Admission date',
    bedHeld: 'Bed held',
    contact: 'Contact',
    notes: 'Notes',
  },
  escort: {
    driver: 'Who drives',
    travel: 'Travel',
    bagPacked: 'Bag packed and ready',
    medicalDetox: 'Medical detox may be needed',
  },
  logistics: {
    date: 'Date',
    time: 'Time',
    timing: 'Why this time',
    place: 'Place',
    bringer: 'Who brings them',
    rehearsalDate: 'Rehearsal date',
  },
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

/**
 * Fields that are bookkeeping, not content: never shown in a snapshot. The "asked by" a question
 * kept in the plan names was typed by whoever wrote it: the timeline shows who really did.
 */
export const HIDDEN_FIELDS = new Set(['id', 'order', 'memberId', 'askedBy', 'askedByName', 'preset']);

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
  model: {
    '': 'Not chosen',
    surprise: 'Formal surprise intervention',
    invitational: 'Invitational',
    craft: 'CRAFT first',
  },
  attendance: Object.fromEntries(ATTENDANCE.map(({ value, label }) => [value, label])),
  status: { 'not-started': 'Not started', 'in-effect': 'In effect', broken: 'Broken' },
  level: { '': 'Not decided', detox: 'Medical detox', inpatient: 'Inpatient / residential', outpatient: 'Outpatient' },
  roles: Object.fromEntries(TEAM_ROLES.map(({ value, label }) => [value, label])),
};

export function fieldLabel(part: PlanPart, field: string): string {
  return FIELD_LABEL[part][field] ?? field;
}

/** The plan's fields that hold a day or a time as their inputs write them. */
const DAY_FIELDS = new Set(['date', 'admissionDate', 'rehearsalDate']);
const TIME_FIELDS = new Set(['time']);

/** A scalar as a person would say it: "Yes", "Not started", "Sun, Dec 6, 2026", "(empty)". */
export function valueLabel(field: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value !== 'string') return '';
  const named = VALUE_LABEL[field]?.[value];
  if (named !== undefined) return named;
  if (value === '') return '(empty)';
  if (DAY_FIELDS.has(field)) return calendarDay(value);
  return TIME_FIELDS.has(field) ? clockTime(value) : value;
}

/** The letters and notes documents' fields. */
export const TEXT_DOC_FIELDS: Record<'letters' | 'notes', readonly { field: string; label: string }[]> = {
  letters: LETTER_FIELDS.map((field) => ({ field, label: LETTER_LABEL[field] })),
  notes: [{ field: NOTES_FIELD, label: sectionLabel('notes') }],
};
