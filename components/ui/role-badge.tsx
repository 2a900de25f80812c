import { type Role, roleLabel } from '@/lib/roles';

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-${role}`}>{roleLabel(role)}</span>;
}
