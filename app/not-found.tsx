import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page-narrow">
      <div className="card stack">
        <h1>Not found</h1>
        <p>This page does not exist, or you do not have access to it.</p>
        <Link href="/">Back to your boards</Link>
      </div>
    </div>
  );
}
