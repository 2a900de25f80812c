'use client';

import { setSingletonValue, singletonText } from '@/lib/plan/singletons';
import { useBoard } from '../board-context';
import { fieldKey, useEdit } from '../edit-context';
import { CheckField } from '../fields/choice-fields';
import { TextField } from '../fields/text-field';
import { useSingleton } from '../fields/use-y';
import { Section, SectionHeader } from './parts';

const RISKS = [
  { field: 'violence', label: 'Has been violent or threatening before' },
  { field: 'selfHarm', label: 'Has talked about self-harm or suicide' },
  { field: 'weapons', label: 'Weapons in the home' },
  { field: 'overdose', label: 'Risk of overdose' },
  { field: 'naloxone', label: 'Naloxone on hand' },
] as const;

export function SafetySection() {
  const { doc, origin } = useEdit();
  const { emergency } = useBoard();
  const values = useSingleton(doc, 'safety');
  return (
    <Section id="safety">
      <SectionHeader id="safety">
        <p>
          If anyone is in danger, stop at once and call emergency services
          {emergency ? ` (${emergency.number}; crisis line ${emergency.crisisLine})` : ''}. Everything else can wait.
        </p>
      </SectionHeader>
      <fieldset className="plan-fieldset">
        <legend>Risk screen</legend>
        {RISKS.map((risk) => (
          <CheckField
            key={risk.field}
            label={risk.label}
            checked={values.get(risk.field) === true}
            onChange={(value) => setSingletonValue(doc, 'safety', risk.field, value, origin)}
          />
        ))}
      </fieldset>
      <div className="item-grid">
        <TextField
          text={singletonText(doc, 'safety', 'riskNotes')}
          field={fieldKey('safety', null, 'riskNotes')}
          label="What else we should know"
          multiline
          className="span-2"
        />
        <TextField
          text={singletonText(doc, 'safety', 'exits')}
          field={fieldKey('safety', null, 'exits')}
          label="Exits"
          placeholder="Which doors, who sits nearest"
          multiline
        />
        <TextField
          text={singletonText(doc, 'safety', 'codeWord')}
          field={fieldKey('safety', null, 'codeWord')}
          label="Code word"
          hint="Said by anyone who feels unsafe: everyone stops."
        />
        <TextField
          text={singletonText(doc, 'safety', 'caller')}
          field={fieldKey('safety', null, 'caller')}
          label="Who calls emergency services"
          className="span-2"
        />
      </div>
    </Section>
  );
}
