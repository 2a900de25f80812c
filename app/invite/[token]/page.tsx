import { redirect } from 'next/navigation';
import { InviteView } from '@/components/invite/invite-view';
import { currentPrincipal } from '@/server/auth/session';
import { type InviteForVisitor, previewInvite } from '@/server/boards/invite-claims';
import { HttpError } from '@/server/http/errors';

export const dynamic = 'force-dynamic';

/**
 * The page behind an invite link. It names who sent it and who it is for, never the board or
 * the loved one; someone on the board (after approval, or opening a link they used) lands on it.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/register?next=${encodeURIComponent(`/invite/${token}`)}`);
  let invite: InviteForVisitor | null = null;
  try {
    invite = await previewInvite(principal, token);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
  }
  if (invite?.boardId) redirect(`/boards/${invite.boardId}`);
  return (
    <div className="page-narrow">
      <InviteView token={token} initial={invite} />
    </div>
  );
}
