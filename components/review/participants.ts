import type { Fields } from '@/lib/diff';
import { isParticipant } from '@/lib/permissions/rules';
import { roleLabel } from '@/lib/roles';
import type { PageMember } from '../board/me';

export interface Participant {
  /** The key of their note in the debrief: a member's user id, or `team:<item id>` for a relative without an account. */
  key: string;
  name: string;
  detail: string;
}

function text(item: Fields, field: string): string {
  const value = item[field];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Who took part, for a note each: the board's interventionists and family members, and the
 * people on the plan's team who have no account (a grandparent whose letter was read aloud).
 * Notes kept for someone no longer on either list stay, under a neutral name.
 */
export function participantsOf(
  members: readonly PageMember[],
  team: readonly Fields[],
  noteKeys: readonly string[],
): Participant[] {
  const memberIds = new Set(members.map((m) => m.userId));
  const relationship = new Map<string, string>();
  const out: Participant[] = [];
  for (const item of team) {
    const memberId = text(item, 'memberId');
    if (memberId && memberIds.has(memberId)) {
      relationship.set(memberId, text(item, 'relationship'));
      continue;
    }
    const name = text(item, 'name');
    if (name)
      out.push({
        key: `team:${text(item, 'id')}`,
        name,
        detail: text(item, 'relationship') || 'On the team, no account',
      });
  }
  const fromMembers = members
    .filter((m) => isParticipant(m.role))
    .map((m) => ({ key: m.userId, name: m.name, detail: relationship.get(m.userId) || roleLabel(m.role) }));
  const all = [...fromMembers, ...out];
  const known = new Set(all.map((p) => p.key));
  for (const key of noteKeys)
    if (!known.has(key)) all.push({ key, name: 'Someone no longer on the team', detail: 'Earlier note' });
  return all;
}
