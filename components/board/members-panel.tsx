'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { Member } from '@/server/boards/members';
import { ROLES, type Role, roleLabel } from '@/lib/roles';
import { RoleBadge } from '../ui/role-badge';
import { Alert } from '../ui/alert';
import type { Me } from './me';

export function MembersPanel({ boardId, me, members }: { boardId: string; me: Me; members: Member[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const manage = me.abilities.can['members.manage'];

  async function run(userId: string, action: () => Promise<unknown>) {
    setBusyId(userId);
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Try again.');
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="members-heading">
      {/* Not "Team": the plan's Team section is who takes part on the day, with or without an account. */}
      <h2 id="members-heading">People on this board ({members.length})</h2>
      <p className="muted small">
        Everyone who can open this board, and what they may do. Who takes part in the intervention is in the plan&apos;s
        Team section.
      </p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <ul className="list" data-testid="members">
        {members.map((member) => (
          <li key={member.userId} className="member-row" data-testid="member">
            <div>
              <strong>{member.name}</strong>
              {member.userId === me.userId ? <span className="muted small"> (you)</span> : null}
              {manage ? <div className="muted small">{member.email}</div> : null}
            </div>
            {manage ? (
              <>
                <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                  Role of {member.name}
                </label>
                <select
                  id={`role-${member.userId}`}
                  value={member.role}
                  disabled={busyId === member.userId}
                  onChange={(event) => {
                    const role = event.target.value as Role;
                    void run(member.userId, () =>
                      api(`/api/boards/${boardId}/members/${member.userId}`, { method: 'PATCH', body: { role } }),
                    );
                  }}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roleLabel(role)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busyId === member.userId}
                  onClick={() => {
                    if (!window.confirm(`Remove ${member.name} from this board? They lose access at once.`)) return;
                    void run(member.userId, () =>
                      api(`/api/boards/${boardId}/members/${member.userId}`, { method: 'DELETE' }),
                    );
                  }}
                >
                  Remove
                </button>
              </>
            ) : (
              <RoleBadge role={member.role} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
