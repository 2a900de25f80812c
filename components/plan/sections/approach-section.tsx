'use client';

import type { ApproachModel } from '@/lib/plan/schema';
import { setSingletonValue, singletonText } from '@/lib/plan/singletons';
import { fieldKey, useEdit } from '../edit-context';
import { RadioGroup } from '../fields/choice-fields';
import { TextField } from '../fields/text-field';
import { useSingleton } from '../fields/use-y';
import { Section, SectionHeader } from './parts';

const MODELS: { value: ApproachModel; label: string; hint: string }[] = [
  {
    value: 'invitational',
    label: 'Invitational',
    hint: 'Your loved one is told about the meeting and invited to it (ARISE).',
  },
  {
    value: 'craft',
    label: 'CRAFT first',
    hint: 'The family changes how it responds for a few weeks, then invites them to treatment.',
  },
  {
    value: 'surprise',
    label: 'Formal surprise intervention',
    hint: 'A rehearsed meeting they do not know about in advance (Johnson model).',
  },
];

export function ApproachSection() {
  const { doc, origin } = useEdit();
  const values = useSingleton(doc, 'approach');
  const model = values.get('model');
  return (
    <Section id="approach">
      <SectionHeader id="approach">
        <p>What this is all for, and how you will go about it together.</p>
      </SectionHeader>
      <div className="goals-card">
        <h3>What we hope for</h3>
        <ol>
          <li>Our loved one recognises they are struggling with a life-altering disorder.</li>
          <li>They can picture a life in recovery.</li>
          <li>They accept treatment, starting today.</li>
        </ol>
      </div>
      <RadioGroup
        legend="Which approach"
        name="model"
        value={typeof model === 'string' ? (model as ApproachModel) : ''}
        options={MODELS}
        onChange={(value) => setSingletonValue(doc, 'approach', 'model', value, origin)}
      />
      <TextField
        text={singletonText(doc, 'approach', 'goals')}
        field={fieldKey('approach', null, 'goals')}
        label="Our goals, in our own words"
        multiline
        placeholder="What would a good outcome look like for your family?"
      />
      <TextField
        text={singletonText(doc, 'approach', 'ladder')}
        field={fieldKey('approach', null, 'ladder')}
        label="Escalation ladder"
        hint="List the steps from gentlest to firmest, and stop at the first one that works."
        multiline
        placeholder={'1. A private conversation\n2. An invitation to a family meeting\n3. …'}
      />
    </Section>
  );
}
