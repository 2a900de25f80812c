import Link from 'next/link';
import type { BoardSummary } from '@/server/boards/boards';
import { RoleBadge } from '../ui/role-badge';

export function BoardList({ boards }: { boards: BoardSummary[] }) {
  if (boards.length === 0) {
    return (
      <div className="card empty" data-testid="no-boards">
        <p>You are not on any board yet.</p>
        <p className="small">Create one below, or open the invite link someone sent you.</p>
      </div>
    );
  }
  return (
    <ul className="card list" aria-label="Boards">
      {boards.map((board) => (
        <li key={board.id} className="spread">
          <Link href={`/boards/${board.id}`}>{board.title}</Link>
          <RoleBadge role={board.role} />
        </li>
      ))}
    </ul>
  );
}
