/**
 * The board page's cards for those who manage the board: invites (and the "invite your family
 * next" hint that points at them), who opened what, deleting the board. Today only the
 * interventionist's abilities include them (lib/permissions/rules.ts), so the family and
 * viewers never load this module: board-shell.tsx imports it only where it renders one.
 * One module for all of them, so a page that shows them fetches one file.
 */
export { DangerZone } from './danger-zone';
export { InviteNext } from './invite-next';
export { InvitesPanel } from './invites-panel';
export { VisitsPanel } from './visits-panel';
