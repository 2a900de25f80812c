'use client';

import { itemText, itemValue, setItemValue } from '@/lib/plan/lists';
import type { CareLevel } from '@/lib/plan/schema';
import { setSingletonValue, singletonText } from '@/lib/plan/singletons';
import { fieldKey, useEdit } from '../edit-context';
import { CheckField, DateField, SelectField } from '../fields/choice-fields';
import { TextField } from '../fields/text-field';
import { useList, useSingleton } from '../fields/use-y';
import { AddItemButton, EmptyList, ItemCard, Section, SectionHeader } from './parts';

const LEVELS: { value: CareLevel; label: string }[] = [
  { value: '', label: 'Not decided' },
  { value: 'detox', label: 'Medical detox' },
  { value: 'inpatient', label: 'Inpatient / residential' },
  { value: 'outpatient', label: 'Outpatient' },
];

const RECOMMENDED_OPTIONS = 3;

function EscortPlan() {
  const { doc, origin } = useEdit();
  const values = useSingleton(doc, 'escort');
  const set = (field: string, value: boolean) => setSingletonValue(doc, 'escort', field, value, origin);
  return (
    <div className="subsection">
      <h3>Escort plan</h3>
      <p className="muted small">If they say yes, go straight away: decide now who drives and what comes along.</p>
      <div className="item-grid">
        <TextField
          text={singletonText(doc, 'escort', 'driver')}
          field={fieldKey('escort', null, 'driver')}
          label="Who drives"
        />
        <CheckField
          label="Bag packed and ready"
          checked={values.get('bagPacked') === true}
          onChange={(value) => set('bagPacked', value)}
        />
        <TextField
          text={singletonText(doc, 'escort', 'travel')}
          field={fieldKey('escort', null, 'travel')}
          label="Travel"
          placeholder="Route, time, who else comes along"
          multiline
          className="span-2"
        />
        <CheckField
          label="Medical detox may be needed"
          hint="Stopping alcohol or benzodiazepines suddenly can be dangerous: ask the treatment centre."
          checked={values.get('medicalDetox') === true}
          onChange={(value) => set('medicalDetox', value)}
        />
      </div>
    </div>
  );
}

export function TreatmentSection() {
  const { doc, origin, readOnly } = useEdit();
  const items = useList(doc, 'treatment');
  return (
    <Section id="treatment">
      <SectionHeader id="treatment">
        <p>
          Have at least three options ready before the day, with insurance checked and a bed held, so a “yes” can become
          an admission the same day.
        </p>
      </SectionHeader>
      {items.length === 0 ? <EmptyList>No treatment options yet.</EmptyList> : null}
      {items.length > 0 && items.length < RECOMMENDED_OPTIONS && !readOnly ? (
        <p className="plan-advice">
          It helps to have {RECOMMENDED_OPTIONS - items.length} more option
          {RECOMMENDED_OPTIONS - items.length === 1 ? '' : 's'} in case the first is full.
        </p>
      ) : null}
      <div className="item-list">
        {items.map((item) => (
          <ItemCard
            key={item.id}
            list="treatment"
            item={item}
            titleField="name"
            noun="option"
            head={
              <TextField
                text={itemText(item.map, 'name')}
                field={fieldKey('treatment', item.id, 'name')}
                label="Name of the programme"
                className="title-field"
                wrap
              />
            }
          >
            <SelectField
              label="Level of care"
              value={itemValue<CareLevel>(item.map, 'level', '')}
              options={LEVELS}
              onChange={(value) => setItemValue(doc, 'treatment', item.id, 'level', value, origin)}
            />
            <DateField
              label="Admission date"
              type="date"
              value={itemValue(item.map, 'admissionDate', '')}
              onChange={(value) => setItemValue(doc, 'treatment', item.id, 'admissionDate', value, origin)}
            />
            <CheckField
              label="Insurance checked"
              checked={itemValue(item.map, 'insuranceChecked', false)}
              onChange={(value) => setItemValue(doc, 'treatment', item.id, 'insuranceChecked', value, origin)}
            />
            <CheckField
              label="Bed held"
              checked={itemValue(item.map, 'bedHeld', false)}
              onChange={(value) => setItemValue(doc, 'treatment', item.id, 'bedHeld', value, origin)}
            />
            <TextField
              text={itemText(item.map, 'contact')}
              field={fieldKey('treatment', item.id, 'contact')}
              label="Contact"
              placeholder="Name and phone of the admissions contact"
            />
            <TextField
              text={itemText(item.map, 'notes')}
              field={fieldKey('treatment', item.id, 'notes')}
              label="Notes"
              multiline
            />
          </ItemCard>
        ))}
      </div>
      <AddItemButton list="treatment" label="Add a treatment option" />
      <EscortPlan />
    </Section>
  );
}
