import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ApiDataScope } from '@/components/hooks/api-data-scope';
import { QuickHide } from '@/components/quick-hide';
import { SiteHeader } from '@/components/site-header';
import { currentPrincipal } from '@/server/auth/session';
import { PRODUCT_NAME } from '@/lib/product';
import './globals.css';

export const metadata: Metadata = {
  title: PRODUCT_NAME,
  description: PRODUCT_NAME,
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={principal ? { name: principal.name } : null} />
        <main id="main">
          <ApiDataScope userId={principal?.userId ?? null}>{children}</ApiDataScope>
        </main>
        <QuickHide />
      </body>
    </html>
  );
}
