import Link from 'next/link';
import { NeutralNotes } from '@/components/neutral-notes';

export const dynamic = 'force-dynamic';

/**
 * The neutral page a hidden screen leaves behind (components/quick-hide.tsx). Its one link, as
 * any app has, is the way back: the sign-in, where one's own device may continue.
 */
export default function NotesPage() {
  return <NeutralNotes footer={<Link href="/signin">Sign in</Link>} />;
}
