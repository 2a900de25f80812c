'use client';

import { itemText } from '@/lib/plan/lists';
import { fieldKey, useEdit } from '../edit-context';
import { TextField } from '../fields/text-field';
import { useList } from '../fields/use-y';
import { AddItemButton, EmptyList, ItemCard, Section, SectionHeader } from './parts';

export function ObjectionsSection() {
  const { doc } = useEdit();
  const items = useList(doc, 'objections');
  return (
    <Section id="objections">
      <SectionHeader id="objections">
        <p>
          Every “but” your loved one is likely to raise (“I can quit on my own”, “I can’t leave work”), who answers it,
          and with what. Answers are short, kind and already settled.
        </p>
      </SectionHeader>
      {items.length === 0 ? <EmptyList>No objections yet. Start with the one you hear most often.</EmptyList> : null}
      <div className="item-list">
        {items.map((item) => (
          <ItemCard
            key={item.id}
            list="objections"
            item={item}
            titleField="objection"
            noun="objection"
            head={
              <TextField
                text={itemText(item.map, 'objection')}
                field={fieldKey('objections', item.id, 'objection')}
                label="They might say"
                className="title-field"
                wrap
                placeholder="“I can quit on my own.”"
              />
            }
          >
            <TextField
              text={itemText(item.map, 'answeredBy')}
              field={fieldKey('objections', item.id, 'answeredBy')}
              label="Who answers"
            />
            <TextField
              text={itemText(item.map, 'answer')}
              field={fieldKey('objections', item.id, 'answer')}
              label="What we say"
              multiline
              className="span-2"
            />
          </ItemCard>
        ))}
      </div>
      <AddItemButton list="objections" label="Add an objection" />
    </Section>
  );
}
