import Link from 'next/link';
import { BoardList } from '@/components/home/board-list';
import { CreateBoardForm } from '@/components/home/create-board-form';
import { GuideOverview } from '@/components/overview/guide-overview';
import { currentPrincipal } from '@/server/auth/session';
import { listBoards } from '@/server/boards/boards';
import { overviewFor } from '@/server/overview/overview';
import { PRODUCT_TAGLINE } from '@/lib/product';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const principal = await currentPrincipal();
  if (!principal) {
    return (
      <div className="page stack">
        <section className="card stack">
          <h1>{PRODUCT_TAGLINE}</h1>
          <p>Write things down together, keep them in one place, and decide who sees what.</p>
          <div className="row">
            <Link className="button" href="/register">
              Create an account
            </Link>
            <Link className="button button-secondary" href="/signin">
              Sign in
            </Link>
          </div>
        </section>
      </div>
    );
  }
  const boards = await listBoards(principal.userId);
  // Those who guide families see their overview first (issue 17); everyone sees their boards.
  const overview = await overviewFor(principal.userId);
  const guides = overview.boards.length > 0;
  return (
    <div className="page stack">
      {guides ? (
        <>
          <h1>Your overview</h1>
          <GuideOverview boards={overview.boards} queue={overview.queue} now={overview.now} />
        </>
      ) : null}
      {guides ? <h2>Your boards</h2> : <h1>Your boards</h1>}
      <BoardList boards={boards} />
      <CreateBoardForm />
    </div>
  );
}
