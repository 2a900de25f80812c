import type { Role } from '@/lib/db/schema';

const LABELS: Record<Role, string> = { interventionist: 'Interventionist', family: 'Family', viewer: 'Viewer' };

export function roleLabel(role: Role): string {
  return LABELS[role];
}

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-${role}`}>{LABELS[role]}</span>;
}
