import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DevicesCard } from '@/components/account/devices-card';
import { listDevices } from '@/server/auth/devices';
import { currentPrincipal } from '@/server/auth/session';

export const dynamic = 'force-dynamic';

/** One's own account: the devices signed in, and the password. */
export default async function AccountPage() {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent('/account')}`);
  return (
    <div className="page stack">
      <h1>Your account</h1>
      <p className="muted">
        Signed in as {principal.name} ({principal.email}).
      </p>
      <DevicesCard devices={await listDevices(principal)} />
      <ChangePasswordForm />
    </div>
  );
}
