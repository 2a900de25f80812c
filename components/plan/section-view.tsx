'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import type { SectionId } from '@/lib/plan/sections';
import { EditProvider, type EditContextValue } from './edit-context';
import { ApproachSection } from './sections/approach-section';
import { SECTION_LOADERS } from './section-loaders';

function opening(label: string) {
  return function Opening() {
    return (
      <p className="plan-loading" role="status">
        <span className="plan-spinner" aria-hidden="true" /> Opening {label}…
      </p>
    );
  };
}

// Each section but the first comes when opened (section-loaders.ts). Letters are the heaviest:
// the rich-text editor (Tiptap and ProseMirror) is about 140 KB of gzipped script.
const LettersSection = dynamic(SECTION_LOADERS.letters, { loading: opening('letters') });
const NotesSection = dynamic(SECTION_LOADERS.notes, { loading: opening('your notes') });
const TeamSection = dynamic(SECTION_LOADERS.team, { loading: opening('the team') });
const BottomLinesSection = dynamic(SECTION_LOADERS['bottom-lines'], { loading: opening('bottom lines') });
const ContingenciesSection = dynamic(SECTION_LOADERS.contingencies, { loading: opening('contingencies') });
const ObjectionsSection = dynamic(SECTION_LOADERS.objections, { loading: opening('objections') });
const TreatmentSection = dynamic(SECTION_LOADERS.treatment, { loading: opening('treatment and escort') });
const LogisticsSection = dynamic(SECTION_LOADERS.logistics, { loading: opening('logistics') });
const SafetySection = dynamic(SECTION_LOADERS.safety, { loading: opening('the safety plan') });
const QuestionsSection = dynamic(SECTION_LOADERS.questions, { loading: opening('questions') });
const ReadinessSection = dynamic(SECTION_LOADERS.readiness, { loading: opening('readiness') });

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
