import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { DeviceGuard } from '@/components/account/device-guard';
import { ApiDataScope } from '@/components/hooks/api-data-scope';
import { DeviceScope } from '@/components/hooks/device';
import { QuickHide, QuickHideButton } from '@/components/quick-hide';
import { SiteHeader } from '@/components/site-header';
import { currentPrincipal } from '@/server/auth/session';
import { listBoards } from '@/server/boards/boards';
import { env } from '@/server/env';
import { HIDDEN_COOKIE } from '@/lib/hidden';
import { PRODUCT_NAME } from '@/lib/product';
import './globals.css';

// The title is rendered by the layout itself (below), not through `metadata`: Next streams
// metadata inside its own Suspense boundary, and a route refresh (each board event asks for one)
// could leave the page without a <title> for a moment, so the tab showed the board's address and
// screen readers announced no name. React hoists this element into <head> and keeps it mounted
// for as long as the layout is.
export const metadata: Metadata = {
  description: PRODUCT_NAME,
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  // Hidden (components/quick-hide.tsx): only the neutral page and the sign-in are served, bare.
  const hidden = (await cookies()).has(HIDDEN_COOKIE);
  const boardIds = principal ? (await listBoards(principal.userId)).map((board) => board.id) : [];
  const guard = (
    <DeviceGuard
      userId={principal?.userId ?? null}
      shared={principal?.shared ?? false}
      boardIds={boardIds}
      idleSeconds={env().SHARED_SESSION_IDLE_SECONDS}
    />
  );
  if (hidden) {
    return (
      <html lang="en">
        <body>
          <title>{PRODUCT_NAME}</title>
          <main id="main">{children}</main>
          {guard}
        </body>
      </html>
    );
  }
  return (
    <html lang="en">
      <body>
        <title>{PRODUCT_NAME}</title>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={principal ? { name: principal.name } : null} />
        <main id="main" className={principal ? 'with-hide-button' : undefined}>
          <DeviceScope shared={principal?.shared ?? false}>
            <ApiDataScope userId={principal?.userId ?? null}>{children}</ApiDataScope>
          </DeviceScope>
        </main>
        {principal ? <QuickHideButton /> : null}
        <QuickHide />
        {guard}
      </body>
    </html>
  );
}
