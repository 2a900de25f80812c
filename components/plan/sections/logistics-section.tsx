'use client';

import { setSingletonValue, singletonText } from '@/lib/plan/singletons';
import { fieldKey, useEdit } from '../edit-context';
import { DateField } from '../fields/choice-fields';
import { TextField } from '../fields/text-field';
import { useSingleton } from '../fields/use-y';
import { Section, SectionHeader } from './parts';

export function LogisticsSection() {
  const { doc, origin } = useEdit();
  const values = useSingleton(doc, 'logistics');
  const value = (field: string) => {
    const current = values.get(field);
    return typeof current === 'string' ? current : '';
  };
  const set = (field: string) => (next: string) => setSingletonValue(doc, 'logistics', field, next, origin);
  return (
    <Section id="logistics">
      <SectionHeader id="logistics">
        <p>
          The date and the place are the most sensitive facts in this plan. Never write them anywhere your loved one
          might see: not on a calendar, not in a group chat.
        </p>
      </SectionHeader>
      <div className="item-grid">
        <DateField label="Date" type="date" value={value('date')} onChange={set('date')} testId="logistics-date" />
        <DateField label="Time" type="time" value={value('time')} onChange={set('time')} />
        <TextField
          text={singletonText(doc, 'logistics', 'timing')}
          field={fieldKey('logistics', null, 'timing')}
          label="Why this time"
          hint="Choose a time when they are most likely to be sober, often early in the day."
          multiline
          className="span-2"
        />
        <TextField
          text={singletonText(doc, 'logistics', 'place')}
          field={fieldKey('logistics', null, 'place')}
          label="Place"
          placeholder="Somewhere private, calm and familiar"
        />
        <TextField
          text={singletonText(doc, 'logistics', 'bringer')}
          field={fieldKey('logistics', null, 'bringer')}
          label="Who brings them"
        />
        <DateField
          label="Rehearsal date"
          type="date"
          value={value('rehearsalDate')}
          onChange={set('rehearsalDate')}
          hint="Rehearse at least once, with the letters read aloud in order."
        />
      </div>
    </Section>
  );
}
