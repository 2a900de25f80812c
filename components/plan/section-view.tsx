'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import type { SectionId } from '@/lib/plan/sections';
import { EditProvider, type EditContextValue } from './edit-context';
import { ApproachSection } from './sections/approach-section';
import { BottomLinesSection } from './sections/bottom-lines-section';
import { ContingenciesSection } from './sections/contingencies-section';
import { LogisticsSection } from './sections/logistics-section';
import { NotesSection } from './sections/notes-section';
import { ObjectionsSection } from './sections/objections-section';
import { QuestionsSection } from './sections/questions-section';
import { SafetySection } from './sections/safety-section';
import { TreatmentSection } from './sections/treatment-section';
import { TeamSection } from './team/team-section';
import { ReadinessSection } from '../tools/readiness-section';

// Letters carry the rich-text editor (Tiptap and ProseMirror, about 200 KB of gzipped script):
// it loads when someone opens the section, not with the board, which phones open first.
const LettersSection = dynamic(() => import('./letters/letters-section').then((loaded) => loaded.LettersSection), {
  loading: () => (
    <p className="plan-loading" role="status">
      <span className="plan-spinner" aria-hidden="true" /> Opening letters…
    </p>
  ),
});

function PlanSection({ section }: { section: Exclude<SectionId, 'letters' | 'notes'> }) {
  switch (section) {
    case 'approach':
      return <ApproachSection />;
    case 'team':
      return <TeamSection />;
    case 'bottom-lines':
      return <BottomLinesSection />;
    case 'contingencies':
      return <ContingenciesSection />;
    case 'objections':
      return <ObjectionsSection />;
    case 'treatment':
      return <TreatmentSection />;
    case 'logistics':
      return <LogisticsSection />;
    case 'safety':
      return <SafetySection />;
    case 'questions':
      return <QuestionsSection />;
    case 'readiness':
      return <ReadinessSection />;
  }
}

/**
 * The section on screen. Letters and notes have their own documents (their own visibility
 * scopes) and open them only while shown; every other section edits the shared plan.
 */
export function SectionView({
  section,
  edit,
  loading,
}: {
  section: SectionId;
  edit: EditContextValue | null;
  loading: ReactNode;
}) {
  if (section === 'letters') return <LettersSection />;
  if (section === 'notes') return <NotesSection />;
  if (!edit) return <>{loading}</>;
  return (
    <EditProvider value={edit}>
      <PlanSection section={section} />
    </EditProvider>
  );
}
