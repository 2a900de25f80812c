'use client';

import { itemText } from '@/lib/plan/lists';
import { fieldKey, useEdit } from '../edit-context';
import { TextField } from '../fields/text-field';
import { useList } from '../fields/use-y';
import { AddItemButton, EmptyList, ItemCard, Section, SectionHeader } from './parts';

export function ContingenciesSection() {
  const { doc } = useEdit();
  const items = useList(doc, 'contingencies');
  return (
    <Section id="contingencies">
      <SectionHeader id="contingencies">
        <p>
          Decide now what you will do if things go differently, so no one has to improvise on the day. Add anything your
          family worries about.
        </p>
      </SectionHeader>
      {items.length === 0 ? <EmptyList>No contingencies yet.</EmptyList> : null}
      <div className="item-list">
        {items.map((item) => (
          <ItemCard
            key={item.id}
            list="contingencies"
            item={item}
            titleField="title"
            noun="contingency"
            head={
              <TextField
                text={itemText(item.map, 'title')}
                field={fieldKey('contingencies', item.id, 'title')}
                label="Situation"
                className="title-field"
                wrap
              />
            }
          >
            <TextField
              text={itemText(item.map, 'trigger')}
              field={fieldKey('contingencies', item.id, 'trigger')}
              label="How we will know (trigger)"
              multiline
            />
            <TextField
              text={itemText(item.map, 'who')}
              field={fieldKey('contingencies', item.id, 'who')}
              label="Who acts"
              multiline
            />
            <TextField
              text={itemText(item.map, 'steps')}
              field={fieldKey('contingencies', item.id, 'steps')}
              label="Steps"
              multiline
              className="span-2"
            />
          </ItemCard>
        ))}
      </div>
      <AddItemButton list="contingencies" label="Add a contingency" />
    </Section>
  );
}
