'use client';

import { isParticipant } from '@/lib/permissions/rules';
import { addItem } from '@/lib/plan/lists';
import { useBoard } from '../board-context';
import { useEdit } from '../edit-context';
import { useList } from '../fields/use-y';
import { AddItemButton, EmptyList, Section, SectionHeader } from '../sections/parts';
import { SpeakingOrder } from './speaking-order';
import { TeamCard } from './team-card';

const MIN_TEAM = 3;
const MAX_TEAM = 7;

export function TeamSection() {
  const { doc, origin, readOnly } = useEdit();
  const { members } = useBoard();
  const items = useList(doc, 'team');
  const linked = new Set(items.map((item) => item.map.get('memberId')));
  const unlisted = members.filter((member) => isParticipant(member.role) && !linked.has(member.userId));
  const addMembers = () => {
    doc.transact(() => {
      for (const member of unlisted)
        addItem(doc, 'team', { text: { name: member.name }, values: { memberId: member.userId } });
    }, origin);
  };
  return (
    <Section id="team">
      <SectionHeader id="team">
        <p>
          Three to seven people who love them. Leave out anyone they strongly dislike, anyone with their own unmanaged
          problem, and anyone who might warn them or cannot keep to the script.
        </p>
      </SectionHeader>
      <SpeakingOrder items={items} />
      <h3 className="roster-heading">Who takes part</h3>
      {items.length === 0 ? <EmptyList>No one on the team yet.</EmptyList> : null}
      {!readOnly && items.length > 0 && (items.length < MIN_TEAM || items.length > MAX_TEAM) ? (
        <p className="plan-advice">
          {items.length < MIN_TEAM
            ? 'Most teams have at least three people.'
            : 'More than seven people can overwhelm your loved one.'}
        </p>
      ) : null}
      <div className="item-list">
        {items.map((item) => (
          <TeamCard key={item.id} item={item} members={members} />
        ))}
      </div>
      <div className="row">
        <AddItemButton list="team" label="Add a person" />
        {!readOnly && unlisted.length > 0 ? (
          <button type="button" className="button-link" onClick={addMembers}>
            Add everyone on this board ({unlisted.length})
          </button>
        ) : null}
      </div>
    </Section>
  );
}
