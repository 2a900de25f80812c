import Link from 'next/link';
import { PRODUCT_NAME } from '@/lib/product';
import { SignOutButton } from './auth/sign-out-button';

export function SiteHeader({ user }: { user: { name: string } | null }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand" prefetch={false}>
        <span className="brand-mark" aria-hidden="true" />
        {PRODUCT_NAME}
      </Link>
      <nav className="header-actions" aria-label="Account">
        {user ? (
          <>
            <Link
              href="/account"
              className="small"
              data-testid="signed-in-as"
              title="Your account and devices"
              // Dynamic pages, fetched when chosen: not on every page's open, over a phone's connection.
              prefetch={false}
            >
              {user.name}
            </Link>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/signin">Sign in</Link>
            <Link href="/register" className="button button-secondary">
              Create account
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
