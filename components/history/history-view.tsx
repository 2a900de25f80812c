'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import type { AttemptSummary } from '@/server/boards/boards';
import type { Me, PageMember } from '../board/me';
import { PeopleColoursProvider } from '../board/people-colours';
import { isChannelEnded, useBoardChannel } from '../hooks/use-board-channel';
import { Alert } from '../ui/alert';
import { DocHistory } from './doc-history';
import { DocPicker } from './doc-picker';
import { useDocuments } from './use-documents';
import { useVersions } from './use-versions';
import './history.css';

/** The history page: choose an attempt and one of its documents, then walk through its past. */
export function HistoryView({
  boardId,
  attempts,
  me,
  members,
}: {
  boardId: string;
  attempts: AttemptSummary[];
  me: Me;
  members: PageMember[];
}) {
  const latest = attempts[attempts.length - 1]?.number ?? 1;
  const [attempt, setAttempt] = useState(latest);
  const [choice, setChoice] = useState<string | null>(null);
  const documents = useDocuments(boardId, attempt, me);
  const versions = useVersions(boardId);
  // The attempts and the members come from the server render.
  const channel = useBoardChannel(boardId, { refreshPageOn: ['attempts', 'members'] });
  const ended = isChannelEnded(channel.status);
  // A document not (or no longer) readable falls back to the shared plan, which always is.
  const doc = documents.docs.find((d) => d.name === choice) ?? documents.docs[0];
  const nameOf = useCallback(
    (userId: string) => members.find((m) => m.userId === userId)?.name ?? 'Someone no longer on the board',
    [members],
  );

  return (
    <PeopleColoursProvider memberIds={members.map((member) => member.userId)}>
      <div className="page history-page">
        <nav className="history-nav small" aria-label="Board pages">
          <Link href={`/boards/${boardId}`}>← Back to the plan</Link>
          <Link href={`/boards/${boardId}/review`}>Review and next steps</Link>
        </nav>
        <h1>History</h1>
        <p className="muted history-intro">
          See any document exactly as it was at a moment, who changed what, and compare two moments. Nothing here can
          change the plan.
        </p>
        {ended ? <Alert kind="error">You no longer have access to this board.</Alert> : null}
        {documents.error ? <Alert kind="error">{`Letters could not be listed: ${documents.error}`}</Alert> : null}
        <div className="history-card">
          <DocPicker
            attempts={attempts}
            attempt={attempt}
            onAttempt={(next) => {
              // Keep looking at the same person's letters in the other attempt, when they exist.
              setChoice((current) => current?.replace(`/letters/${attempt}/`, `/letters/${next}/`) ?? null);
              setAttempt(next);
            }}
            docs={documents.docs}
            docName={doc?.name ?? ''}
            onDoc={setChoice}
            loadingDocs={documents.loading}
          />
        </div>
        {doc && !ended ? (
          <DocHistory
            key={doc.name}
            boardId={boardId}
            attempt={attempt}
            doc={doc}
            nameOf={nameOf}
            versions={versions.versions.filter((v) => v.attempt === attempt)}
            canNameVersions={me.abilities.can['versions.create']}
            onVersionsChanged={versions.reload}
          />
        ) : null}
      </div>
    </PeopleColoursProvider>
  );
}
