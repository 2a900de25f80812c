/**
 * The three roles a person can hold on a board, listed once: the API's schemas, the permission
 * rules and the pages take them from here (the database's CHECK constraint is in migration 1,
 * which stays as it was applied).
 */
export const ROLES = ['interventionist', 'family', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  interventionist: 'Interventionist',
  family: 'Family',
  viewer: 'Viewer',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
