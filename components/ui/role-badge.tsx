import { type Role, roleLabel } from '@/lib/roles';

/**
 * Class names in neutral words: every page's styles come inside its HTML (next.config.js,
 * `inlineCss`), the sign-in and landing pages too, and those name no intervention.
 */
const BADGE_CLASS: Record<Role, string> = {
  interventionist: 'badge-lead',
  family: 'badge-family',
  viewer: 'badge-viewer',
};

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge ${BADGE_CLASS[role]}`}>{roleLabel(role)}</span>;
}
