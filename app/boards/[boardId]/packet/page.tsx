import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PacketView } from '@/components/packet/packet-view';
import { PrintButton } from '@/components/packet/print-button';
import { Alert } from '@/components/ui/alert';
import { currentPrincipal } from '@/server/auth/session';
import { getBoard } from '@/server/boards/boards';
import { buildPacket, packetPeople } from '@/server/packets/packet';
import { boardRole } from '@/server/permissions';
import type { Role } from '@/lib/roles';
import { boardStanding } from '@/server/permissions/abilities';
import { readPlan } from '@/server/run/plan';
import '@/components/packet/packet.css';

export const dynamic = 'force-dynamic';

/**
 * A packet for the day, to print or save as a PDF: the caller's own, or (for the interventionist)
 * one member's or everyone's, each built with that member's own access. The page title stays the
 * product's name (root layout).
 */
export default async function PacketPage({
  params,
  searchParams,
}: {
  params: Promise<{ boardId: string }>;
  searchParams: Promise<{ for?: string | string[] }>;
}) {
  const { boardId } = await params;
  const wanted = (await searchParams).for;
  const target = typeof wanted === 'string' ? wanted : 'me';
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(`/boards/${boardId}/packet`)}`);
  const standing = await boardStanding(principal, boardId);
  if (!standing?.abilities.can['board.view']) notFound();
  const board = await getBoard(boardId);
  const latest = board?.attempts[board.attempts.length - 1];
  if (!board || !latest) notFound();
  const printsAll = standing.abilities.can['packets.print-all'];
  const others = target !== 'me' && target !== principal.userId;
  if (others && !printsAll) {
    return (
      <div className="page packet-page stack">
        <h1>Packets</h1>
        <Alert kind="error">Only the interventionist prints other people’s packets. Your own is one click away.</Alert>
        <Link href={`/boards/${boardId}/packet`}>Your packet</Link>
      </div>
    );
  }
  let people: { userId: string; name: string; role: Role }[];
  if (target === 'all') {
    people = await packetPeople(boardId);
  } else if (others) {
    const role = await boardRole(target, boardId);
    const member = (await packetPeople(boardId)).find((p) => p.userId === target);
    if (role === null || !member) notFound();
    people = [member];
  } else {
    people = [{ userId: principal.userId, name: principal.name, role: standing.role }];
  }
  const plan = await readPlan(boardId, latest.number);
  const packets = [];
  for (const person of people) packets.push(await buildPacket(person, boardId, latest.number, plan));
  return (
    <div className="page packet-page">
      <h1>{target === 'all' ? 'Everyone’s packets' : 'Packet for the day'}</h1>
      <div className="packet-actions">
        <PrintButton label={packets.length > 1 ? 'Print all, or save as PDF' : 'Print, or save as PDF'} />
        <Link href={`/boards/${boardId}`}>Back to the board</Link>
        {printsAll && target !== 'all' ? (
          <Link href={`/boards/${boardId}/packet?for=all`}>Everyone’s packets</Link>
        ) : null}
      </div>
      {packets.length === 0 ? (
        <p className="card empty">No relatives have joined the board yet.</p>
      ) : (
        packets.map((packet) => (
          <PacketView key={packet.person.userId} packet={packet} boardTitle={board.title} attempt={latest.number} />
        ))
      )}
    </div>
  );
}
