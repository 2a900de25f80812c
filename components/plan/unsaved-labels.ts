import type { DocName } from '@/lib/doc-names';
import type { PlanPart } from '@/lib/diff';
import { LETTER_LABEL, partLabel, sectionLabel } from '@/lib/plan/sections';
import type { LetterField } from '@/lib/plan/schema';
import type { UnsentText } from '@/lib/plan/unsent';
import { fieldLabel } from '../history/labels';

const DEBRIEF_LABEL: Record<string, string> = {
  details: 'Debrief · What happened',
  lessons: 'Debrief · Lessons for next time',
  participantNotes: 'Debrief · A note about a participant',
};

/** Where an unsaved text was, in the words of the page it was typed on. */
export function unsentLabel(kind: DocName['kind'], text: UnsentText): string {
  const [first = '', second = '', third = ''] = text.path;
  switch (kind) {
    case 'plan': {
      const part = first as PlanPart;
      if (text.path.length === 3)
        return `${partLabel(part)} · ${text.itemTitle ?? 'an item'} · ${fieldLabel(part, third)}`;
      return `${partLabel(part)} · ${fieldLabel(part, second)}`;
    }
    case 'letters':
      return LETTER_LABEL[first as LetterField] ?? 'Letter';
    case 'notes':
      return sectionLabel('notes');
    case 'debrief':
      return DEBRIEF_LABEL[first] ?? 'Debrief';
  }
}
