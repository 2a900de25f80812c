import { redirect } from 'next/navigation';
import { AcceptInvite } from '@/components/invite/accept-invite';
import { currentPrincipal } from '@/server/auth/session';
import { previewInvite } from '@/server/boards/invites';
import { HttpError } from '@/server/http/errors';
import { roleLabel } from '@/lib/roles';

export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/register?next=${encodeURIComponent(`/invite/${token}`)}`);
  let preview;
  try {
    preview = await previewInvite(token);
  } catch (error) {
    const message = error instanceof HttpError ? error.message : 'This invite cannot be used.';
    return (
      <div className="page-narrow">
        <div className="card stack" data-testid="invite-error">
          <h1>Invite not usable</h1>
          <p>{message}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>You are invited</h1>
        <p>
          Join <strong>{preview.boardTitle}</strong> as <strong>{roleLabel(preview.role)}</strong>.
        </p>
        <AcceptInvite token={token} />
      </div>
    </div>
  );
}
