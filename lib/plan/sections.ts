import type { PlanPart } from '../diff';
import type { LetterField } from './schema';

/**
 * The sections of a plan, in the order a family works through them, listed once: the board's
 * menu and headings, the history's timeline and the review's comparisons all name them from
 * here. `parts` are the parts of the plan document a section edits (escort sits with treatment);
 * letters, readiness and notes keep their content in other documents and records.
 */
export const PLAN_SECTIONS = [
  { id: 'approach', label: 'Approach and goals', parts: ['approach'] },
  { id: 'team', label: 'Team', parts: ['team'] },
  { id: 'letters', label: 'Letters', parts: [] },
  { id: 'bottom-lines', label: 'Bottom lines', parts: ['bottomLines'] },
  { id: 'contingencies', label: 'Contingencies', parts: ['contingencies'] },
  { id: 'objections', label: 'Objections', parts: ['objections'] },
  { id: 'treatment', label: 'Treatment and escort', parts: ['treatment', 'escort'] },
  { id: 'logistics', label: 'Logistics', parts: ['logistics'] },
  { id: 'safety', label: 'Safety plan', parts: ['safety'] },
  { id: 'questions', label: 'Questions', parts: ['questions'] },
  { id: 'readiness', label: 'Readiness', parts: [] },
  { id: 'notes', label: 'Private notes', parts: [] },
] as const satisfies readonly { id: string; label: string; parts: readonly PlanPart[] }[];

export type PlanSection = (typeof PLAN_SECTIONS)[number];
export type SectionId = PlanSection['id'];

export function sectionLabel(id: SectionId): string {
  return PLAN_SECTIONS.find((section) => section.id === id)?.label ?? id;
}

/** Where a section holds two parts, each part is shown under a name of its own. */
const OWN_PART_LABEL: Partial<Record<PlanPart, string>> = {
  treatment: 'Treatment options',
  escort: 'Escort to treatment',
  // Questions are records now; what the plan document still holds was never verified.
  questions: 'Questions kept in the plan (unverified)',
};

/** A part of the plan document as the history and the review name it. */
export function partLabel(part: PlanPart): string {
  const section = PLAN_SECTIONS.find((candidate) => candidate.parts.some((p) => p === part));
  return OWN_PART_LABEL[part] ?? section?.label ?? part;
}

/** The two letters of a letters document, as their cards and their history name them. */
export const LETTER_LABEL: Readonly<Record<LetterField, string>> = {
  impact: 'Impact letter',
  bottomLine: 'Bottom-line letter',
};
