'use client';

import { useId } from 'react';
import type { Member } from '@/server/boards/members';
import { isParticipant } from '@/lib/permissions/rules';
import { type ItemRef, itemSet, itemText, itemValue, setItemValue, toggleInSet } from '@/lib/plan/lists';
import { ATTENDANCE, type Attendance, TEAM_ROLES } from '@/lib/plan/schema';
import { fieldKey, useEdit } from '../edit-context';
import { SelectField } from '../fields/choice-fields';
import { ReadValue } from '../fields/read-value';
import { TextField } from '../fields/text-field';
import { ItemCard } from '../sections/parts';

/** One person on the intervention team: who they are, their part, and where they sit. */
export function TeamCard({ item, members }: { item: ItemRef; members: Member[] }) {
  const { doc, origin, readOnly } = useEdit();
  const rolesId = useId();
  const attendance = itemValue<Attendance>(item.map, 'attendance', 'attends');
  const memberId = itemValue(item.map, 'memberId', '');
  const roles = itemSet(item.map, 'roles');
  const accounts = [
    { value: '', label: 'No account (not on this board)' },
    ...members
      .filter((m) => isParticipant(m.role) || m.userId === memberId)
      .map((m) => ({ value: m.userId, label: m.name })),
  ];
  const linkAccount = (userId: string) => {
    doc.transact(() => {
      setItemValue(doc, 'team', item.id, 'memberId', userId, origin);
      const name = itemText(item.map, 'name');
      const member = members.find((m) => m.userId === userId);
      // Fill the name from the account only when nobody has written one.
      if (name && member && name.length === 0) name.insert(0, member.name);
    }, origin);
  };
  return (
    <ItemCard
      list="team"
      item={item}
      titleField="name"
      noun="person"
      head={
        <TextField
          text={itemText(item.map, 'name')}
          field={fieldKey('team', item.id, 'name')}
          label="Name"
          className="title-field"
          wrap
          testId="team-name"
        />
      }
    >
      <TextField
        text={itemText(item.map, 'relationship')}
        field={fieldKey('team', item.id, 'relationship')}
        label="Relationship"
        placeholder="e.g. sister, best friend"
        testId="team-relationship"
      />
      <SelectField label="Account on this board" value={memberId} options={accounts} onChange={linkAccount} />
      <SelectField
        label="Attendance"
        value={attendance}
        options={ATTENDANCE}
        onChange={(value) => setItemValue(doc, 'team', item.id, 'attendance', value, origin)}
        testId="team-attendance"
      />
      {attendance === 'letter-read' ? (
        <TextField
          text={itemText(item.map, 'readBy')}
          field={fieldKey('team', item.id, 'readBy')}
          label="Letter read by"
        />
      ) : (
        <TextField
          text={itemText(item.map, 'seat')}
          field={fieldKey('team', item.id, 'seat')}
          label="Seat"
          placeholder="e.g. beside the door"
        />
      )}
      {readOnly ? (
        <ReadValue label="Roles" className="span-2" testId="team-roles">
          {TEAM_ROLES.filter((role) => roles?.has(role.value))
            .map((role) => role.label)
            .join(', ')}
        </ReadValue>
      ) : (
        <fieldset className="plan-fieldset roles span-2" aria-describedby={`${rolesId}-hint`}>
          <legend>Roles</legend>
          <p id={`${rolesId}-hint`} className="visually-hidden">
            Tick every role this person takes on.
          </p>
          <div className="role-grid">
            {TEAM_ROLES.map((role) => {
              const id = `${rolesId}-${role.value}`;
              return (
                <span key={role.value} className="role-option">
                  <input
                    id={id}
                    type="checkbox"
                    checked={roles?.has(role.value) ?? false}
                    onChange={(event) =>
                      toggleInSet(doc, 'team', item.id, 'roles', role.value, event.target.checked, origin)
                    }
                  />
                  <label htmlFor={id}>{role.label}</label>
                </span>
              );
            })}
          </div>
        </fieldset>
      )}
    </ItemCard>
  );
}
