'use client';

import type * as Y from 'yjs';
import { itemText, itemValue, setItemValue } from '@/lib/plan/lists';
import type { FollowThrough } from '@/lib/plan/schema';
import { checkBottomLine } from '@/lib/tone';
import { fieldKey, useEdit } from '../edit-context';
import { SelectField } from '../fields/choice-fields';
import { TextField } from '../fields/text-field';
import { useList, useTextValue } from '../fields/use-y';
import { AddItemButton, EmptyList, ItemCard, Section, SectionHeader } from './parts';

const STATUS: { value: FollowThrough; label: string }[] = [
  { value: 'not-started', label: 'Not started' },
  { value: 'in-effect', label: 'In effect' },
  { value: 'broken', label: 'Broken' },
];

/** A gentle note when a statement is not about the writer's own action. */
function StatementAdvice({ text }: { text: Y.Text | null }) {
  const statement = useTextValue(text);
  if (!statement.trim()) return null;
  const check = checkBottomLine(statement);
  if (check.ok) return null;
  return (
    <p className="plan-advice span-2" role="note">
      {check.reason} {check.suggestion}
    </p>
  );
}

export function BottomLinesSection() {
  const { doc, origin } = useEdit();
  const items = useList(doc, 'bottomLines');
  return (
    <Section id="bottom-lines">
      <SectionHeader id="bottom-lines">
        <p>
          What each of you will do if your loved one refuses help: your own action, said once and then kept. No
          bartering, no bargaining, no compromise.
        </p>
      </SectionHeader>
      {items.length === 0 ? <EmptyList>No bottom lines yet. Each person writes their own.</EmptyList> : null}
      <div className="item-list">
        {items.map((item) => (
          <ItemCard key={item.id} list="bottomLines" item={item} titleField="statement" noun="bottom line">
            <TextField
              text={itemText(item.map, 'owner')}
              field={fieldKey('bottomLines', item.id, 'owner')}
              label="Whose bottom line"
            />
            <SelectField
              label="Follow-through"
              value={itemValue<FollowThrough>(item.map, 'status', 'not-started')}
              options={STATUS}
              onChange={(value) => setItemValue(doc, 'bottomLines', item.id, 'status', value, origin)}
            />
            <TextField
              text={itemText(item.map, 'statement')}
              field={fieldKey('bottomLines', item.id, 'statement')}
              label="I will …"
              placeholder="I will no longer …"
              multiline
              className="span-2"
            />
            <StatementAdvice text={itemText(item.map, 'statement')} />
            <TextField
              text={itemText(item.map, 'enabling')}
              field={fieldKey('bottomLines', item.id, 'enabling')}
              label="The enabling it ends"
              placeholder="e.g. paying their phone bill"
              multiline
            />
            <TextField
              text={itemText(item.map, 'followUp')}
              field={fieldKey('bottomLines', item.id, 'followUp')}
              label="Follow-through notes"
              placeholder="Dates and what happened"
              multiline
            />
          </ItemCard>
        ))}
      </div>
      <AddItemButton list="bottomLines" label="Add a bottom line" />
    </Section>
  );
}
