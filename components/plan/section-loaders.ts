import type { ComponentType } from 'react';
import type { SectionId } from '@/lib/plan/sections';

type Loader = () => Promise<ComponentType>;

/**
 * Every section but the first loads when it is opened: a phone on a poor connection waits for
 * the board's first section only (the tone check of bottom lines, dnd-kit for the team, Tiptap
 * for letters come later). `preloadSection` starts a load early, when someone points at or
 * focuses the section's link, so that opening it rarely waits. Each loader is the one place its
 * module is named; the bundler fetches a module once however many times it is asked for.
 */
export const SECTION_LOADERS = {
  team: () => import('./team/team-section').then((loaded) => loaded.TeamSection),
  letters: () => import('./letters/letters-section').then((loaded) => loaded.LettersSection),
  'bottom-lines': () => import('./sections/bottom-lines-section').then((loaded) => loaded.BottomLinesSection),
  contingencies: () => import('./sections/contingencies-section').then((loaded) => loaded.ContingenciesSection),
  objections: () => import('./sections/objections-section').then((loaded) => loaded.ObjectionsSection),
  treatment: () => import('./sections/treatment-section').then((loaded) => loaded.TreatmentSection),
  logistics: () => import('./sections/logistics-section').then((loaded) => loaded.LogisticsSection),
  safety: () => import('./sections/safety-section').then((loaded) => loaded.SafetySection),
  questions: () => import('./sections/questions-section').then((loaded) => loaded.QuestionsSection),
  readiness: () => import('../tools/readiness-section').then((loaded) => loaded.ReadinessSection),
  notes: () => import('./sections/notes-section').then((loaded) => loaded.NotesSection),
} satisfies Record<Exclude<SectionId, 'approach'>, Loader>;

/** Starts loading a section's code (no-op for the first section, which comes with the page). */
export function preloadSection(id: SectionId): void {
  if (id === 'approach') return;
  // A failed preload is retried by opening the section, which shows its own error.
  SECTION_LOADERS[id]().catch(() => undefined);
}
