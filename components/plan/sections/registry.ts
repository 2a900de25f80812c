import type { Role } from '@/lib/roles';

/** The sections of a plan, in the order a family works through them. */
export const SECTIONS = [
  { id: 'approach', label: 'Approach and goals' },
  { id: 'team', label: 'Team' },
  { id: 'letters', label: 'Letters' },
  { id: 'bottom-lines', label: 'Bottom lines' },
  { id: 'contingencies', label: 'Contingencies' },
  { id: 'objections', label: 'Objections' },
  { id: 'treatment', label: 'Treatment and escort' },
  { id: 'logistics', label: 'Logistics' },
  { id: 'safety', label: 'Safety plan' },
  { id: 'questions', label: 'Questions' },
  { id: 'readiness', label: 'Readiness' },
  { id: 'notes', label: 'Private notes' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function sectionsFor(role: Role): (typeof SECTIONS)[number][] {
  // The notes document is refused to everyone else; not even offering it avoids any attempt.
  return SECTIONS.filter((section) => section.id !== 'notes' || role === 'interventionist');
}

export function isSectionId(value: string, role: Role): value is SectionId {
  return sectionsFor(role).some((section) => section.id === value);
}

export function sectionLabel(id: string): string {
  return SECTIONS.find((section) => section.id === id)?.label ?? id;
}
