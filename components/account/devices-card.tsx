'use client';

import { useRouter } from 'next/navigation';
import { signOutToSignIn } from '../browser/sign-out';
import { useState } from 'react';
import type { Device } from '@/server/auth/devices';
import { UNSENT_QUESTION } from '../auth/sign-out-button';
import { api, ApiError } from '../browser/api';
import { clearLocalCopies } from '../browser/local-copies';
import { hasUnsentEdits } from '../browser/unsent-edits';
import { Alert } from '../ui/alert';
import { When } from '../ui/when';
import './account.css';

/**
 * The devices signed in to this account. Signing one out cuts its open pages at once (their
 * documents and board channel close); "Sign out everywhere" does that for all, this one too.
 */
export function DevicesCard({ devices }: { devices: Device[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function signOutThisDevice() {
    if (hasUnsentEdits() && !window.confirm(UNSENT_QUESTION)) return;
    setBusyId('this');
    await clearLocalCopies().catch(() => undefined);
    await signOutToSignIn();
  }

  async function signOutOther(device: Device) {
    setBusyId(device.id);
    setError(null);
    try {
      await api(`/api/account/devices/${encodeURIComponent(device.id)}`, { method: 'DELETE' });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not sign that device out.');
    } finally {
      setBusyId(null);
    }
  }

  async function signOutEverywhere() {
    if (!window.confirm('Sign out on every device, this one too? Each of them needs the password again.')) return;
    setBusyId('all');
    setError(null);
    try {
      await clearLocalCopies().catch(() => undefined);
      await api('/api/account/devices', { method: 'DELETE', body: { keepThisDevice: false } });
      // This session is gone on the server; the cookie left behind is cleared by signing out.
      await signOutToSignIn();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not sign out everywhere.');
      setBusyId(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="devices-heading">
      <h2 id="devices-heading">Signed-in devices</h2>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <ul className="list device-list" data-testid="devices">
        {devices.map((device) => (
          <li key={device.id} className="spread" data-testid="device">
            <div className="device-what">
              <strong>{device.browser}</strong>
              {device.current ? <span className="badge device-badge">This device</span> : null}
              {device.shared ? <span className="badge device-badge">Shared computer</span> : null}
              <span className="muted small">
                Signed in <When ms={device.firstSeenAt} /> · last used <When ms={device.lastSeenAt} />
              </span>
            </div>
            <button
              type="button"
              className="button button-secondary"
              disabled={busyId !== null}
              onClick={() => void (device.current ? signOutThisDevice() : signOutOther(device))}
              aria-label={device.current ? 'Sign out on this device' : `Sign out ${device.browser}`}
            >
              Sign out
            </button>
          </li>
        ))}
      </ul>
      <div>
        <button
          type="button"
          className="button button-danger"
          disabled={busyId !== null}
          onClick={() => void signOutEverywhere()}
        >
          {busyId === 'all' ? 'Signing out…' : 'Sign out everywhere'}
        </button>
      </div>
      <p className="muted small">Do not recognise a device? Sign it out, then change your password below.</p>
    </section>
  );
}
