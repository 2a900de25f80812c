import type { Role } from '../roles';

/**
 * How long an invite link may stay open. An interventionist's invite hands over the whole board
 * (every letter, the private notes, who may see what), so a forgotten or forwarded one must not
 * stay usable for long: a day at most. The others default to a week, at most a month.
 */
const MAX_DAYS: Readonly<Record<Role, number>> = { interventionist: 1, family: 30, viewer: 30 };
const DEFAULT_DAYS: Readonly<Record<Role, number>> = { interventionist: 1, family: 7, viewer: 7 };

export function maxInviteDays(role: Role): number {
  return MAX_DAYS[role];
}

/** The days an invite for `role` stays open: what was asked, or the role's default. */
export function inviteDays(role: Role, requested: number | undefined): number {
  return Math.min(requested ?? DEFAULT_DAYS[role], MAX_DAYS[role]);
}
