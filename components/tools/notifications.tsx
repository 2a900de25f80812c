'use client';

import { useEffect, useState } from 'react';
import type { BoardClientSocket, NotifyKind, NotifyMessage } from '@/lib/protocol/board-events';
import './tools.css';

interface Notice {
  id: number;
  text: string;
}

const MESSAGES: Record<NotifyKind, (from: string) => string> = {
  'question-asked': (from) => `${from} asked the interventionist a question.`,
  'question-answered': (from) => `${from} answered your question.`,
  'letter-submitted': (from) => `${from} sent you a letter to review.`,
};
const SHOW_MS = 8000;

/** Brief, discreet notices from the board channel (no plan details: only who and what kind). */
export function Notifications({ socket, boardId }: { socket: BoardClientSocket | null; boardId: string }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    if (!socket) return;
    let next = 0;
    const onNotify = (message: NotifyMessage) => {
      // A kind this page does not know (sent by a newer server) shows nothing.
      const text = MESSAGES[message.kind]?.(message.from);
      if (message.boardId !== boardId || !text) return;
      const id = (next += 1);
      setNotices((list) => [...list, { id, text }]);
      setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), SHOW_MS);
    };
    socket.on('notify', onNotify);
    return () => {
      socket.off('notify', onNotify);
    };
  }, [socket, boardId]);
  if (notices.length === 0) return null;
  return (
    <div className="toast-stack" role="status" aria-live="polite" data-testid="notifications">
      {notices.map((notice) => (
        <div key={notice.id} className="toast">
          <span>{notice.text}</span>
          <button type="button" onClick={() => setNotices((list) => list.filter((n) => n.id !== notice.id))}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
