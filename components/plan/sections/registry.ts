import type { BoardAbilities } from '@/lib/permissions/abilities';
import { PLAN_SECTIONS, type PlanSection, type SectionId } from '@/lib/plan/sections';

/** The sections offered to this person: a document the server refuses them is not even offered, so their browser never asks for it. */
export function sectionsFor(abilities: BoardAbilities): PlanSection[] {
  return PLAN_SECTIONS.filter((section) => section.id !== 'notes' || abilities.notes !== 'none');
}

export function isOfferedSection(value: string, abilities: BoardAbilities): value is SectionId {
  return sectionsFor(abilities).some((section) => section.id === value);
}
