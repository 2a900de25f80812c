import { notFound, redirect } from 'next/navigation';
import { ExportView } from '@/components/export/export-view';
import { currentPrincipal } from '@/server/auth/session';
import { exportBoard } from '@/server/boards/export';
import { boardStanding } from '@/server/permissions/abilities';

export const dynamic = 'force-dynamic';

/** The printable page of what the caller may read of the board (server/boards/export.ts). */
export default async function ExportPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(`/boards/${boardId}/export`)}`);
  const standing = await boardStanding(principal, boardId);
  if (!standing?.abilities.can['board.export']) notFound();
  const data = await exportBoard(principal, standing.role, boardId);
  if (!data) notFound();
  return <ExportView boardId={boardId} data={data} />;
}
