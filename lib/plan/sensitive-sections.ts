import type { SectionId } from './sections';

/**
 * The sections whose opening is logged for the interventionists: the date and place of the
 * intervention, and the safety plan, are what must never reach the loved one (docs/plan.md).
 */
export const SENSITIVE_SECTIONS = ['logistics', 'safety'] as const satisfies readonly SectionId[];
export type SensitiveSection = (typeof SENSITIVE_SECTIONS)[number];

export function isSensitiveSection(id: string): id is SensitiveSection {
  return (SENSITIVE_SECTIONS as readonly string[]).includes(id);
}
