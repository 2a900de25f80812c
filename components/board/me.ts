import type { BoardStanding } from '@/lib/permissions/abilities';
import type { Member } from '@/server/boards/members';

/**
 * The person on a board page, as the page's server render found them. `role` is only shown (a
 * badge); what they may do is in `abilities`, answered by the server's rules.
 */
export interface Me extends BoardStanding {
  userId: string;
  name: string;
}

/** Someone on the board as the history and review pages show them: a name, never an e-mail address. */
export type PageMember = Pick<Member, 'userId' | 'name' | 'role'>;
